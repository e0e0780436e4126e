// Starts Swagger UI on /docs. A file, not an inline script, so the page's Content-Security-Policy
// can allow scripts from this service only. validatorUrl null: nothing is sent elsewhere.
window.ui = SwaggerUIBundle({
  url: document.getElementById("swagger-ui").dataset.openapiUrl,
  dom_id: "#swagger-ui",
  deepLinking: true,
  persistAuthorization: false,
  displayRequestDuration: true,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout",
});
