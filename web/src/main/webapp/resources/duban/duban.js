/*
 * Duban's page behaviours, asked for with data- attributes instead of inline script:
 *   data-chart="{…}"         a Chart.js configuration (JSON) drawn on that canvas.
 */
(function () {
    'use strict';

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
