"""Dialogs: each composes its generated form (self.ui) and calls services."""
