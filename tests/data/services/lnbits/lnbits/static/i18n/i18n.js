window.localisation = {}
