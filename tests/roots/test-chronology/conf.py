extensions = ["myst_parser", "annotator_sphinx.articles", "annotator_sphinx.chronology"]
edition_seed_dir = "seeds"
edition_catalog = "seeds/catalog.yaml"
edition_chronology_overlay = "chronology.yaml"
exclude_patterns = ["seeds"]
language = "en"
nitpicky = True
