"""New ids are what ``uuid.uuid4().hex`` gives: 32 hex digits of a version-4, RFC 4122 UUID, all different."""

import uuid

from db.ids import uuid4_hex


def test_ids_are_version_4_uuids_and_unique():
    made = [uuid4_hex() for _ in range(2000)]
    assert len(set(made)) == len(made)
    for text in made:
        assert len(text) == 32 and text == text.lower()
        u = uuid.UUID(hex=text)
        assert u.version == 4 and u.variant == uuid.RFC_4122
        assert u.hex == text
