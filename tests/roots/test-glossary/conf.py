extensions = ["myst_parser", "sphinx_annotated_edition.articles",
              "sphinx_annotated_edition.glossary"]
edition_seed_dir = "seeds"
edition_catalog = "seeds/catalog.yaml"
edition_glossary = "glossary.yaml"
language = "en"
nitpicky = True
