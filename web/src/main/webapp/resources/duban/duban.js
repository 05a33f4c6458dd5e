/*
 * Duban's page behaviours. The Content-Security-Policy runs no inline script, so pages ask for
 * these with data- attributes instead of on* handlers and <script> blocks:
 *   data-confirm="question"  asks before a click goes on (buttons that issue, delete, submit);
 *   data-navigate="name"     reloads the page with name=<chosen value> in its query (the other
 *                            parameters kept) when a select changes;
 *   data-chart="{…}"         a Chart.js configuration (JSON) drawn on that canvas.
 */
(function () {
    'use strict';

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

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', drawCharts);
    } else {
        drawCharts();
    }
})();
