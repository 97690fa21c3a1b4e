"""The store's side of submission bundles, split by concern; :class:`db.sync_parts.area.Sync` joins them.

- ``keys``    the only writer of ``sync_own_keys`` and ``sync_peer_keys``
- ``log``     the only writer of ``sync_state`` and ``sync_bundles``
- ``items``   reads a kelurahan's items (entries, evidence, activities, facilities, tombstones)
- ``city``    DP3AKB's side: decisions, origins, conflicts (``sync_origin``, ``sync_rejected``,
              ``sync_conflicts``); applying an item hands each table to its owner module
- ``local``   the kelurahan's side: what to send, what DP3AKB holds (``sync_local``,
              ``sync_held_files``)

Models and pure functions (``SyncItem``, hashes, the shape check of an incoming item) are in
:mod:`db.sync`.
"""
