"""Figures drawn from the edition's data as SVG: the timeline and the map of places.

Pure drawing code (no Sphinx): ``timeline.draw_timeline`` from the chronology's events and
the articles' dates, ``placemap.draw_map`` from the glossary's places and the base map
shipped beside it (``basemap.json``, Natural Earth). The same data gives the same bytes.
"""
