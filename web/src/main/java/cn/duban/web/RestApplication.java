package cn.duban.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.ExternalDocumentation;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API, version 1. Every call needs a bearer token from the Keycloak realm. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Duban 督办 API",
                        version = "1",
                        description = "任务台账、计划导入、考核与通报。错误以 RFC 9457 problem+json 返回。",
                        // The server fills in an empty license otherwise, which OpenAPI 3.1 refuses
                        // (name is required).
                        license =
                                @License(
                                        name = "Duban 督办: proprietary, all rights reserved",
                                        identifier = "LicenseRef-Duban")),
        externalDocs =
                @ExternalDocumentation(
                        description = "接口说明（Swagger UI）",
                        url = "/api-docs/index.html"),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(
        securitySchemeName = "bearer",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT")
public class RestApplication extends Application {}
