(function (window, document) {
	'use strict';

	var DEFAULTS = {
		selector: '.gallery img',
		interval: 5000,
		loop: true
	};

	function Gallery(root, options) {
		this.root = root;
		this.options = Object.assign({}, DEFAULTS, options || {});
		this.images = Array.prototype.slice.call(root.querySelectorAll(this.options.selector));
		this.index = 0;
		this.timer = null;
        this.onKey = this.onKey.bind(this);
	}

	Gallery.prototype.show = function (index) {
		if (this.images.length === 0) {
			return;
		}
		if (index < 0 || index >= this.images.length) {
			if (!this.options.loop) {
				return;
			}
			index = (index + this.images.length) % this.images.length;
		}
		this.images[this.index].classList.remove('is-active');
		this.index = index;
		this.images[this.index].classList.add('is-active');
	};

	Gallery.prototype.next = function () {
		this.show(this.index + 1);
	};

	Gallery.prototype.previous = function () {
		this.show(this.index - 1);
	};

	Gallery.prototype.onKey = function (event) {
        if (event.key === 'ArrowRight') {
            this.next();
        } else if (event.key === 'ArrowLeft') {
            this.previous();
        }
	};

	Gallery.prototype.start = function () {
		var self = this;
		this.stop();
		this.timer = window.setInterval(function () {
			self.next();
		}, this.options.interval);
		document.addEventListener('keydown', this.onKey);
	};

	Gallery.prototype.stop = function () {
		if (this.timer !== null) {
			window.clearInterval(this.timer);
			this.timer = null;
		}
		document.removeEventListener('keydown', this.onKey);
	};

	window.Gallery = Gallery;
})(window, document);
