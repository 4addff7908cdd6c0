extensions = ["myst_parser", "sphinx_annotated_edition.articles", "sphinx_annotated_edition.review"]
edition_seed_dir = "seeds"
edition_catalog = "seeds/catalog.yaml"
edition_review = "review.yaml"
language = "en"
nitpicky = True
