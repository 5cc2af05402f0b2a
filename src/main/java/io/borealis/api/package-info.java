/**
 * The scheduler's public HTTP surface: the JSON API under {@code /api/v1} (described by the OpenAPI
 * document at {@code /api/v1/openapi.json}), the live event stream ({@code GET /api/v1/events},
 * server-sent events), the dashboard's static files and {@code /health}. Handlers ask the state
 * verticle over the event bus and render its records as JSON ({@link ApiJson}); errors always take
 * the shape {@code {"error": {"code", "message", "details": [{"path", "message"}]}}}.
 */
package io.borealis.api;
