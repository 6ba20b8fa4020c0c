{{/* Chart name, truncated to the 63 characters of a DNS label. */}}
{{- define "ecx.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full name of the release's resources. */}}
{{- define "ecx.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "ecx.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels of every resource. */}}
{{- define "ecx.labels" -}}
helm.sh/chart: {{ include "ecx.chart" . }}
{{ include "ecx.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: ecx
{{- end }}

{{/* Labels that select the ECX pods. */}}
{{- define "ecx.selectorLabels" -}}
app.kubernetes.io/name: {{ include "ecx.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "ecx.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "ecx.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* Image reference: repository@digest, or repository:tag (tag defaults to appVersion). */}}
{{- define "ecx.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/*
HTTP server ceiling in bytes: explicit ecx.limits.httpMaxBodyBytes, which must exceed the edition
limit, or the edition limit plus 1 MiB. Numbers go through int64: YAML numbers are floats in Helm.
*/}}
{{- define "ecx.httpMaxBodyBytes" -}}
{{- $edition := int64 .Values.ecx.limits.editionBodyBytes }}
{{- $explicit := int64 (default 0 .Values.ecx.limits.httpMaxBodyBytes) }}
{{- if gt $explicit 0 }}
{{- if le $explicit $edition }}
{{- fail (printf "ecx.limits.httpMaxBodyBytes (%d) must exceed ecx.limits.editionBodyBytes (%d)" $explicit $edition) }}
{{- end }}
{{- $explicit }}
{{- else }}
{{- add $edition 1048576 }}
{{- end }}
{{- end }}

{{/* Labels of the `helm test` pod (also let through the NetworkPolicy when ingressFrom is restricted). */}}
{{- define "ecx.testSelectorLabels" -}}
app.kubernetes.io/name: {{ include "ecx.name" . }}-test
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
The clients (azp) whose access tokens ECX accepts: oidc.authorizedParties, plus the console's client when the
console is enabled (its session's access token is checked by the same rules as a bearer token, ADR 0017).
*/}}
{{- define "ecx.authorizedParties" -}}
{{- $parties := .Values.oidc.authorizedParties -}}
{{- if .Values.console.enabled -}}
{{- $parties = append $parties .Values.console.clientId | uniq -}}
{{- end -}}
{{- join "," $parties -}}
{{- end }}
