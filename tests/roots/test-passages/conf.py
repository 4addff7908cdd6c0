extensions = ["myst_parser", "annotator_sphinx.articles", "annotator_sphinx.passages"]
edition_seed_dir = "seeds"
edition_catalog = "seeds/catalog.yaml"
edition_passages = "passages.yaml"
exclude_patterns = ["seeds"]
language = "en"
nitpicky = True
