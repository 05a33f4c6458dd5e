/*
 * Duban's page behaviours. The Content-Security-Policy runs no inline script, so pages ask for
 * these with data- attributes instead of on* handlers and <script> blocks:
 *   data-confirm="question"  asks before a click goes on (buttons that issue, delete, submit);
 *   data-navigate="name"     reloads the page with name=<chosen value> in its query (the other
 *                            parameters kept) when a select changes;
 *   data-chart="{…}"         a Chart.js configuration (JSON) drawn on that canvas.
 * and the layout's two header buttons: #menu-toggle (the navigation on a narrow screen) and
 * #text-size (large text, remembered in this browser).
 */
(function () {
    'use strict';

    var root = document.documentElement;
    var LARGE = 'duban.largeText';

    function stored() {
        try {
            return window.localStorage.getItem(LARGE) === '1';
        } catch (e) {
            return false; // storage switched off: the default size
        }
    }

    // Runs in <head>, before the body is drawn, so a large-text page never flashes small first.
    root.classList.toggle('duban-large', stored());

    // A photo button opens the phone's rear camera (PrimeFaces renders the file input anew after
    // every upload, so the attribute is set as the input is clicked).
    document.addEventListener('click', function (event) {
        var input = event.target instanceof Element ? event.target.closest('.duban-camera input[type=file]') : null;
        if (input) input.setAttribute('capture', 'environment');
    }, true);

    document.addEventListener('click', function (event) {
        var target = event.target instanceof Element ? event.target.closest('#menu-toggle, #text-size') : null;
        if (!target) return;
        if (target.id === 'menu-toggle') {
            var open = root.classList.toggle('duban-nav-open');
            target.setAttribute('aria-expanded', String(open));
        } else {
            var large = root.classList.toggle('duban-large');
            target.setAttribute('aria-pressed', String(large));
            try {
                window.localStorage.setItem(LARGE, large ? '1' : '0');
            } catch (e) {
                // not remembered, still applied to this page
            }
        }
    });

    // Capture phase: runs before PrimeFaces' own click handlers, which a refusal must stop too.
    document.addEventListener('click', function (event) {
        var target = event.target instanceof Element ? event.target.closest('[data-confirm]') : null;
        if (target && !window.confirm(target.getAttribute('data-confirm'))) {
            event.preventDefault();
            event.stopImmediatePropagation();
        }
    }, true);

    document.addEventListener('change', function (event) {
        var target = event.target;
        var name = target instanceof Element ? target.getAttribute('data-navigate') : null;
        if (name) {
            var query = new URLSearchParams(window.location.search);
            query.set(name, target.value);
            window.location.search = '?' + query.toString();
        }
    });

    function drawCharts() {
        if (!window.Chart) return;
        document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
            // JSON.parse, never eval: the configuration is data, and the names in it stay text.
            new window.Chart(canvas, JSON.parse(canvas.getAttribute('data-chart')));
        });
    }

    function ready() {
        var size = document.getElementById('text-size');
        if (size) size.setAttribute('aria-pressed', String(root.classList.contains('duban-large')));
        drawCharts();
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', ready);
    } else {
        ready();
    }
})();
