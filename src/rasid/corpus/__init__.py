"""Cross-document analysis: syndicated copies, resolved entities, clustered claims."""
