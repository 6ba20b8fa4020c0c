#!/usr/bin/env python3
"""Generate the ECX demo realm (.ci/keycloak/ecx-realm.json) for Keycloak 26.

Demo data only (SPEC section 1): local runs and tests, never production.
Standard library only. Usage:  python3 .ci/keycloak/generate-realm.py
The generated JSON is committed, so nothing needs python at run time.
"""
import json
import os

REALM = "ecx"
STATES = ["DE", "FR", "JP", "US", "IN"]
ROLES = [
    ("denial-officer", "Create/amend/renew/revoke own state's denials; reply to consultations"),
    ("licensing-officer", "Read and screen visible denials; open consultations"),
    ("list-editor", "Publish control-list editions and national correlations"),
    ("recognition-officer", "Create and change own state's mutual-recognition records"),
    ("auditor", "Read own state's audit trail and access receipts"),
    ("federation-peer", "Read the change feed for its state (machine client)"),
    ("admin", "Manage the partner registry"),
]
SYSTEM_CLIENT_ROLES = ["licensing-officer", "federation-peer"]
DEFAULT_CLIENT_SCOPES = ["web-origins", "acr", "profile", "roles", "basic", "email"]

# Keycloak 24+ always uses the declarative user profile. Attributes that the profile does not
# declare are "unmanaged" and silently dropped on import unless unmanagedAttributePolicy allows
# them. We declare `state` explicitly (admin-editable, user-viewable) and keep the default
# attributes. email/firstName/lastName are required for role "user": every demo user has them,
# otherwise the password grant fails with "Account is not fully set up".
USER_PROFILE = {
    "attributes": [
        {
            "name": "username",
            "displayName": "${username}",
            "validations": {
                "length": {"min": 3, "max": 255},
                "username-prohibited-characters": {},
                "up-username-not-idn-homograph": {},
            },
            "permissions": {"view": ["admin", "user"], "edit": ["admin", "user"]},
            "multivalued": False,
        },
        {
            "name": "email",
            "displayName": "${email}",
            "validations": {"email": {}, "length": {"max": 255}},
            "required": {"roles": ["user"]},
            "permissions": {"view": ["admin", "user"], "edit": ["admin", "user"]},
            "multivalued": False,
        },
        {
            "name": "firstName",
            "displayName": "${firstName}",
            "validations": {"length": {"max": 255}, "person-name-prohibited-characters": {}},
            "required": {"roles": ["user"]},
            "permissions": {"view": ["admin", "user"], "edit": ["admin", "user"]},
            "multivalued": False,
        },
        {
            "name": "lastName",
            "displayName": "${lastName}",
            "validations": {"length": {"max": 255}, "person-name-prohibited-characters": {}},
            "required": {"roles": ["user"]},
            "permissions": {"view": ["admin", "user"], "edit": ["admin", "user"]},
            "multivalued": False,
        },
        {
            "name": "state",
            "displayName": "State (ISO 3166-1 alpha-2)",
            "validations": {
                "length": {"min": 2, "max": 2},
                "pattern": {"pattern": "^[A-Z]{2}$", "error-message": "ISO 3166-1 alpha-2 code"},
            },
            "permissions": {"view": ["admin", "user"], "edit": ["admin"]},
            "multivalued": False,
        },
    ],
    "groups": [
        {
            "name": "user-metadata",
            "displayHeader": "User metadata",
            "displayDescription": "Attributes, which refer to user metadata",
        }
    ],
    "unmanagedAttributePolicy": "ADMIN_EDIT",
}


def title(s):
    return " ".join(p.capitalize() for p in s.split("-"))


def user(username, state, roles):
    return {
        "username": username,
        "enabled": True,
        "email": f"{username}@ecx.demo",
        "emailVerified": True,
        "firstName": title(username.split("-", 1)[1]) if "-" in username else title(username),
        "lastName": f"Demo {state}",
        "attributes": {"state": [state]},
        "credentials": [{"type": "password", "value": username, "temporary": False}],
        "requiredActions": [],
        "realmRoles": roles,
    }


CONSOLE_SECRET = "ecx-console-demo-secret-local-only-0001"


def state_claim_mapper():
    return {
        "name": "state",
        "protocol": "openid-connect",
        "protocolMapper": "oidc-usermodel-attribute-mapper",
        "consentRequired": False,
        "config": {
            "user.attribute": "state",
            "claim.name": "state",
            "jsonType.label": "String",
            "multivalued": "false",
            "aggregate.attrs": "false",
            "access.token.claim": "true",
            "id.token.claim": "true",
            "userinfo.token.claim": "true",
            "introspection.token.claim": "true",
            "lightweight.claim": "false",
        },
    }


def hardcoded_state_mapper(state):
    return {
        "name": "state",
        "protocol": "openid-connect",
        "protocolMapper": "oidc-hardcoded-claim-mapper",
        "consentRequired": False,
        "config": {
            "claim.name": "state",
            "claim.value": state,
            "jsonType.label": "String",
            "access.token.claim": "true",
            "id.token.claim": "true",
            "userinfo.token.claim": "true",
            "introspection.token.claim": "true",
            "lightweight.claim": "false",
        },
    }


# Every client that calls ECX puts ECX's audience into its access tokens; ECX refuses tokens without it
# (quarkus.oidc.token.audience) and checks azp against ecx.tokens.authorized-parties.
ECX_AUDIENCE = "ecx"


def audience_mapper():
    return {
        "name": "ecx-audience",
        "protocol": "openid-connect",
        "protocolMapper": "oidc-audience-mapper",
        "consentRequired": False,
        "config": {
            "included.custom.audience": ECX_AUDIENCE,
            "access.token.claim": "true",
            "id.token.claim": "false",
            "introspection.token.claim": "true",
            "lightweight.claim": "false",
        },
    }


def build():
    users = []
    for state in STATES:
        for role, _ in ROLES:
            if role == "admin":
                continue
            users.append(user(f"{state.lower()}-{role}", state, [role]))
    users.append(user("admin", "DE", ["admin"]))

    clients = [
        {
            "clientId": "ecx-cli",
            "name": "ECX command line / tests (password grant)",
            "enabled": True,
            "protocol": "openid-connect",
            "publicClient": True,
            "standardFlowEnabled": False,
            "implicitFlowEnabled": False,
            "directAccessGrantsEnabled": True,
            "serviceAccountsEnabled": False,
            "fullScopeAllowed": True,
            "protocolMappers": [state_claim_mapper(), audience_mapper()],
            "defaultClientScopes": DEFAULT_CLIENT_SCOPES,
            "optionalClientScopes": ["offline_access"],
        },
        {
            # The officer console (/console, docs/console.md): a confidential client of the server-side
            # authorization-code flow with PKCE (S256). Any localhost port: the dev instance and the tests'
            # random ports. Demo secret only; production sets its own (ECX_CONSOLE_CLIENT_SECRET).
            "clientId": "ecx-console",
            "name": "ECX officer console (authorization code + PKCE)",
            "enabled": True,
            "protocol": "openid-connect",
            "publicClient": False,
            "clientAuthenticatorType": "client-secret",
            "secret": CONSOLE_SECRET,
            "standardFlowEnabled": True,
            "implicitFlowEnabled": False,
            "directAccessGrantsEnabled": False,
            "serviceAccountsEnabled": False,
            "fullScopeAllowed": True,
            "redirectUris": ["http://localhost:*"],
            "webOrigins": ["+"],
            "attributes": {"pkce.code.challenge.method": "S256", "post.logout.redirect.uris": "http://localhost:*"},
            "protocolMappers": [state_claim_mapper(), audience_mapper()],
            "defaultClientScopes": DEFAULT_CLIENT_SCOPES,
            "optionalClientScopes": [],
        },
        {
            # Swagger UI of a local ECX signs in with the authorization-code flow and PKCE (S256)
            "clientId": "ecx-swagger",
            "name": "ECX Swagger UI (authorization code + PKCE)",
            "enabled": True,
            "protocol": "openid-connect",
            "publicClient": True,
            "standardFlowEnabled": True,
            "implicitFlowEnabled": False,
            "directAccessGrantsEnabled": False,
            "serviceAccountsEnabled": False,
            "fullScopeAllowed": True,
            "redirectUris": ["http://localhost:8080/q/swagger-ui/*"],
            "webOrigins": ["http://localhost:8080"],
            "attributes": {"pkce.code.challenge.method": "S256"},
            "protocolMappers": [state_claim_mapper()],
            "defaultClientScopes": DEFAULT_CLIENT_SCOPES,
            "optionalClientScopes": [],
        },
    ]
    for state in STATES:
        cid = f"{state.lower()}-system"
        clients.append(
            {
                "clientId": cid,
                "name": f"{state} national system (client credentials)",
                "enabled": True,
                "protocol": "openid-connect",
                "publicClient": False,
                "clientAuthenticatorType": "client-secret",
                "secret": f"{cid}-secret",
                "standardFlowEnabled": False,
                "implicitFlowEnabled": False,
                "directAccessGrantsEnabled": False,
                "serviceAccountsEnabled": True,
                "fullScopeAllowed": True,
                "protocolMappers": [hardcoded_state_mapper(state), audience_mapper()],
                "defaultClientScopes": DEFAULT_CLIENT_SCOPES,
                "optionalClientScopes": [],
            }
        )
        users.append(
            {
                "username": f"service-account-{cid}",
                "enabled": True,
                "serviceAccountClientId": cid,
                "attributes": {"state": [state]},
                "realmRoles": SYSTEM_CLIENT_ROLES,
            }
        )

    return {
        "realm": REALM,
        "displayName": "ECX demo (local/tests only)",
        "enabled": True,
        "sslRequired": "none",
        # short-lived access tokens: logout ends the Keycloak session and its refresh tokens, but an
        # access token already issued stays valid at ECX until it expires (docs/security-model.md)
        "accessTokenLifespan": 300,
        "registrationAllowed": False,
        "resetPasswordAllowed": False,
        "rememberMe": False,
        "loginWithEmailAllowed": True,
        "duplicateEmailsAllowed": False,
        "bruteForceProtected": False,
        "roles": {
            "realm": [{"name": r, "description": d, "composite": False} for r, d in ROLES]
        },
        "clients": clients,
        "users": users,
        "components": {
            "org.keycloak.userprofile.UserProfileProvider": [
                {
                    "providerId": "declarative-user-profile",
                    "subComponents": {},
                    "config": {
                        "kc.user.profile.config": [json.dumps(USER_PROFILE, separators=(",", ":"))]
                    },
                }
            ]
        },
    }


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ecx-realm.json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(build(), f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
