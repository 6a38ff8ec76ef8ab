"""LanguageTool: provisioning, the local daemon, the HTTP client, the cache and the check stage."""
