extensions = ["myst_parser", "annotator_sphinx.articles"]
edition_seed_dir = "seeds"
edition_catalog = "seeds/catalog.yaml"
language = "en"
nitpicky = True
