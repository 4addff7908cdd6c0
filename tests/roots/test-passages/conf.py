extensions = ["myst_parser", "sphinx_annotated_edition.articles",
              "sphinx_annotated_edition.passages"]
edition_seed_dir = "seeds"
edition_catalog = "seeds/catalog.yaml"
edition_passages = "passages.yaml"
exclude_patterns = ["seeds"]
language = "en"
nitpicky = True
