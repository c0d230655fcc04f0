"""Export layer: PDF documents with reportlab. Qt-free; imported only when a user exports."""
