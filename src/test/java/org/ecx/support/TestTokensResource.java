package org.ecx.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link TestTokens} for every test that does not opt out (see {@link RealKeycloakProfile}). */
@QuarkusTestResource(TestTokens.class)
public class TestTokensResource {
}
