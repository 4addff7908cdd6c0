extensions = ["myst_parser", "sphinx_annotated_edition.articles"]
edition_seed_dir = "seeds"
edition_catalog = "seeds/catalog.yaml"
language = "en"
nitpicky = True
