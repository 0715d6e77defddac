"""Codebook: the code definitions (YAML files, validation), the project's active codebook, and
versioned edits (add, edit, retire, restore, merge) with merge resolution."""
