import codecs

import pytest

from newslint.documents.decode import decode_bytes
from newslint.errors import DocumentError


def message(data: bytes) -> str:
    with pytest.raises(DocumentError) as info:
        decode_bytes(data, "a.txt")
    assert info.value.path == "a.txt"
    return info.value.message


def test_plain_utf8():
    assert decode_bytes("Café “quoted”\n".encode(), "a.txt") == "Café “quoted”\n"


def test_line_endings_are_kept():
    assert decode_bytes(b"one\r\ntwo\rthree\n", "a.txt") == "one\r\ntwo\rthree\n"


def test_utf8_bom_is_dropped():
    assert decode_bytes(codecs.BOM_UTF8 + b"Hello", "a.txt") == "Hello"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(encoding):
    bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
    assert decode_bytes(bom + "Héllo\r\n".encode(encoding), "a.txt") == "Héllo\r\n"


def test_invalid_utf8_names_byte_and_offset():
    assert message(b"Hello world.\xff more text") == "not UTF-8 (byte 0xff at offset 12)"


def test_latin1_text_is_not_utf8():
    assert message("Café au lait".encode("latin-1")) == "not UTF-8 (byte 0xe9 at offset 3)"


def test_nul_bytes_mean_binary():
    assert message(b"PK\x03\x04\x00\x00abc") == "binary file, not text"


def test_mostly_control_characters_mean_binary():
    assert message(bytes(range(1, 32)) * 10) == "binary file, not text"


def test_random_high_bytes_are_binary_when_full_of_controls():
    assert message(b"\x89PNG\r\n\x1a\n" + bytes([0x01, 0x02, 0x03, 0x90, 0x91]) * 20) == "binary file, not text"


@pytest.mark.parametrize("data, text", [(b"", ""), (b"   \n\t\r\n", "   \n\t\r\n"), (codecs.BOM_UTF8, ""),
                                        (codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"), " \n")])
def test_empty_files_are_empty_text(data, text):
    assert decode_bytes(data, "a.txt") == text
