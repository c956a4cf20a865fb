"""The interactive workshop page: sliders over a grid solved ahead, in one HTML file that works offline.

Examples
--------
>>> import negotiation as ng
>>> from negotiation.render.workshop import workshop_page
>>> page = workshop_page("tariff_standoff", vary=["backdown_cost"], points=5, progress=False)
>>> page.startswith("<!DOCTYPE html>"), "http" in page.split("<body>")[1].replace("http://www.w3.org", "")
(True, False)
"""

from .frames import page_grid, point_frame, widest_parameters
from .page import MAX_BYTES, workshop_data, workshop_page

__all__ = ["workshop_page", "workshop_data", "page_grid", "point_frame", "widest_parameters", "MAX_BYTES"]
