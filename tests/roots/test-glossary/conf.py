extensions = ["myst_parser", "annotator_sphinx.articles", "annotator_sphinx.glossary"]
edition_seed_dir = "seeds"
edition_catalog = "seeds/catalog.yaml"
edition_glossary = "glossary.yaml"
language = "en"
nitpicky = True
