-- The pack every attack runs next to: its one rule must fire on every file,
-- with the same words, whatever the attack did.
name = "harmless"
