"""Review: reviewers' verdicts keyed by fingerprint (reviews.toml), and the terminal walk through flags."""
