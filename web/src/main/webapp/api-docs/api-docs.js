window.addEventListener('load', function () {
    window.ui = SwaggerUIBundle({
        url: '../openapi?format=JSON',
        dom_id: '#swagger-ui',
        deepLinking: true,
        // Offline servers (政务外网): never ask swagger.io to validate the document.
        validatorUrl: null
    });
});
