# A plain Sphinx project that uses the edition's glossary and nothing else of it.
extensions = ["sphinx_annotated_edition.glossary"]
edition_glossary = "terms.yaml"
nitpicky = True
