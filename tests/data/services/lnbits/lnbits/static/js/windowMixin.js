window.windowMixin = {}
