"""Printing: Hebrew, Arabic and English PDF handouts from a program file (reportlab, no Qt)."""
