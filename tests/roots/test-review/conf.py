extensions = ["myst_parser", "annotator_sphinx.articles", "annotator_sphinx.review"]
edition_seed_dir = "seeds"
edition_catalog = "seeds/catalog.yaml"
edition_review = "review.yaml"
language = "en"
nitpicky = True
