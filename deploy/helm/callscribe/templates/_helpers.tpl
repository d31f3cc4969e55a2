{{/*
Names and labels. The full name is cut to 40 characters so that "<fullname>-transcriber" and the StatefulSets'
pod and revision names stay within Kubernetes' 63-character limit.
*/}}
{{- define "callscribe.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "callscribe.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Labels that select the pods of one component; called with (dict "ctx" $ "component" "transcriber"). */}}
{{- define "callscribe.selectorLabels" -}}
app.kubernetes.io/name: {{ include "callscribe.name" .ctx }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
{{- with .component }}
app.kubernetes.io/component: {{ . }}
{{- end }}
{{- end -}}

{{- define "callscribe.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .ctx.Chart.Name .ctx.Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "callscribe.selectorLabels" . }}
app.kubernetes.io/version: {{ .ctx.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .ctx.Release.Service }}
app.kubernetes.io/part-of: callscribe
{{- end -}}

{{/* Images: the CPU image for everything but GPU transcribers, which get the -cuda tag. */}}
{{- define "callscribe.cpuTag" -}}
{{- .Values.image.tag | default .Chart.AppVersion -}}
{{- end -}}

{{- define "callscribe.image" -}}
{{- printf "%s:%s" .Values.image.repository (include "callscribe.cpuTag" .) -}}
{{- end -}}

{{- define "callscribe.gpus" -}}
{{- int .Values.transcriber.gpu.count -}}
{{- end -}}

{{- define "callscribe.transcriberImage" -}}
{{- $repository := .Values.transcriber.image.repository | default .Values.image.repository -}}
{{- $cpuTag := include "callscribe.cpuTag" . -}}
{{- $defaultTag := ternary (printf "%s-cuda" $cpuTag) $cpuTag (gt (int (include "callscribe.gpus" .)) 0) -}}
{{- printf "%s:%s" $repository (.Values.transcriber.image.tag | default $defaultTag) -}}
{{- end -}}

{{/*
Configuration keys and environment variables. A key becomes CALLSCRIBE_ + the key upper-cased, with "_" written
"__", "-" written "___" and "." written "_" (in that order, so the underscores the dots become are not doubled).
*/}}
{{- define "callscribe.envName" -}}
{{- printf "CALLSCRIBE_%s" (. | replace "_" "__" | replace "-" "___" | replace "." "_" | upper) -}}
{{- end -}}

{{/*
A configuration value as callscribe reads it. Helm reads numbers in values as floats, which would print 3600000 as
3.6e+06; whole numbers are printed as integers, lists joined with commas.
*/}}
{{- define "callscribe.configValue" -}}
{{- if kindIs "float64" . -}}
{{- if eq (float64 (int64 .)) . -}}{{ int64 . }}{{- else -}}{{ . }}{{- end -}}
{{- else if kindIs "slice" . -}}
{{- join "," . -}}
{{- else if not (kindIs "invalid" .) -}}
{{- toString . -}}
{{- end -}}
{{- end -}}

{{/* Fails when configuration given in the clear names a secret; called with (dict "config" map "where" "config"). */}}
{{- define "callscribe.refuseSecrets" -}}
{{- range $key, $value := .config -}}
{{- if or (regexMatch "(?i)(password|secret)" $key) (regexMatch "(^|\\.)(sasl\\.jaas\\.config|basic\\.auth\\.user\\.info|ssl\\.keystore\\.key|ssl\\.keystore\\.certificate\\.chain|ssl\\.truststore\\.certificates)$" $key) -}}
{{- fail (printf "%s: %s is a secret and would be stored in the clear; give it through `secrets` (or extraEnv from a Secret of your own)" $.where $key) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* A setting of the transcriber: transcriber.config, else config, else the default; (dict "ctx" $ "key" k "default" d). */}}
{{- define "callscribe.transcriberSetting" -}}
{{- $ctx := .ctx -}}
{{- if hasKey $ctx.Values.transcriber.config .key -}}
{{- include "callscribe.configValue" (index $ctx.Values.transcriber.config .key) -}}
{{- else if hasKey $ctx.Values.config .key -}}
{{- include "callscribe.configValue" (index $ctx.Values.config .key) -}}
{{- else -}}
{{- .default -}}
{{- end -}}
{{- end -}}

{{- define "callscribe.metricsPort" -}}
{{- $port := 9400 -}}
{{- if hasKey .Values.config "metrics.port" -}}
{{- $port = int (index .Values.config "metrics.port") -}}
{{- end -}}
{{- if le $port 0 -}}
{{- fail (printf "config metrics.port is %d; the chart's probes and metrics Services need a fixed port above 0" $port) -}}
{{- end -}}
{{- $port -}}
{{- end -}}

{{- define "callscribe.bootstrapServers" -}}
{{- index .Values.config "bootstrap.servers" | default "" | required "config bootstrap.servers is required: the Kafka brokers to connect to" -}}
{{- end -}}

{{- define "callscribe.stateDir" -}}/var/lib/callscribe/state{{- end -}}
{{- define "callscribe.modelCacheDir" -}}/var/cache/callscribe/huggingface{{- end -}}
{{- define "callscribe.tlsDir" -}}/etc/callscribe/tls{{- end -}}

{{/* Kafka security: "true" when SASL is on; fails on a protocol or mechanism the chart cannot wire. */}}
{{- define "callscribe.sasl" -}}
{{- $protocol := .Values.kafka.securityProtocol -}}
{{- if not (has $protocol (list "PLAINTEXT" "SSL" "SASL_PLAINTEXT" "SASL_SSL")) -}}
{{- fail (printf "kafka.securityProtocol is %s; expected one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL" $protocol) -}}
{{- end -}}
{{- if hasPrefix "SASL_" $protocol -}}
{{- if not (has .Values.kafka.saslMechanism (list "PLAIN" "SCRAM-SHA-256" "SCRAM-SHA-512")) -}}
{{- fail (printf "kafka.saslMechanism is %s; expected one of PLAIN, SCRAM-SHA-256, SCRAM-SHA-512" .Values.kafka.saslMechanism) -}}
{{- end -}}
true
{{- end -}}
{{- end -}}

{{- define "callscribe.tls" -}}
{{- if hasSuffix "SSL" .Values.kafka.securityProtocol -}}true{{- end -}}
{{- end -}}

{{/*
The shared configuration as environment variables (name: value, sorted): what the chart derives from its values
(metrics port, state directories, Kafka and registry security), then `config`, which wins.
*/}}
{{- define "callscribe.configData" -}}
{{- $tls := .Values.kafka.tls -}}
{{- $tlsDir := include "callscribe.tlsDir" . -}}
{{- $config := dict "metrics.port" (include "callscribe.metricsPort" .) -}}
{{- $_ := set $config "segmenter.state.dir" (printf "%s/segmenter" (include "callscribe.stateDir" .)) -}}
{{- $_ := set $config "stitcher.state.dir" (printf "%s/stitcher" (include "callscribe.stateDir" .)) -}}
{{- if ne .Values.kafka.securityProtocol "PLAINTEXT" -}}
{{- $_ := set $config "security.protocol" .Values.kafka.securityProtocol -}}
{{- end -}}
{{- if include "callscribe.sasl" . -}}
{{- $_ := set $config "sasl.mechanism" .Values.kafka.saslMechanism -}}
{{- end -}}
{{- if and $tls.secretName $tls.truststoreKey -}}
{{- $_ := set $config "ssl.truststore.location" (printf "%s/%s" $tlsDir $tls.truststoreKey) -}}
{{- $_ := set $config "ssl.truststore.type" $tls.truststoreType -}}
{{- end -}}
{{- if and $tls.secretName $tls.keystoreKey -}}
{{- $_ := set $config "ssl.keystore.location" (printf "%s/%s" $tlsDir $tls.keystoreKey) -}}
{{- $_ := set $config "ssl.keystore.type" $tls.keystoreType -}}
{{- end -}}
{{- if .Values.schemaRegistry.basicAuth -}}
{{- $_ := set $config "basic.auth.credentials.source" "USER_INFO" -}}
{{- end -}}
{{- if .Values.schemaRegistry.useKafkaTruststore -}}
{{- if not (and $tls.secretName $tls.truststoreKey) -}}
{{- fail "schemaRegistry.useKafkaTruststore needs kafka.tls.secretName and kafka.tls.truststoreKey" -}}
{{- end -}}
{{- $_ := set $config "schema.registry.ssl.truststore.location" (printf "%s/%s" $tlsDir $tls.truststoreKey) -}}
{{- end -}}
{{- $_ := include "callscribe.bootstrapServers" . -}}
{{- include "callscribe.refuseSecrets" (dict "config" .Values.config "where" "config") -}}
{{- range $key, $value := .Values.config -}}
{{- $_ := set $config $key $value -}}
{{- end -}}
{{- range $key, $value := $config }}
{{ include "callscribe.envName" $key }}: {{ include "callscribe.configValue" $value | quote }}
{{- end }}
{{- end -}}

{{/* Credentials: the Secret they come from, and whether it holds a given one (an existing Secret may). */}}
{{- define "callscribe.secretName" -}}
{{- .Values.secrets.existingSecret | default (printf "%s-credentials" (include "callscribe.fullname" .)) -}}
{{- end -}}

{{/* The credentials the chart's own Secret holds, as key: value (base64); empty with an existing Secret. */}}
{{- define "callscribe.secretData" -}}
{{- if not .Values.secrets.existingSecret -}}
{{- $secrets := .Values.secrets -}}
{{- range $field := list "kafkaUsername" "kafkaPassword" "registryUserInfo" "truststorePassword" "keystorePassword" -}}
{{- with index $secrets $field }}
{{ index $secrets.keys $field }}: {{ . | b64enc | quote }}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* One credential as an env entry; (dict "ctx" $ "name" "CALLSCRIBE_X" "field" "kafkaPassword" "required" true). */}}
{{- define "callscribe.secretEnvVar" -}}
{{- $secrets := .ctx.Values.secrets -}}
{{- if and .required (not $secrets.existingSecret) (not (index $secrets .field)) -}}
{{- fail (printf "secrets.%s is required by the settings (or name an existing Secret in secrets.existingSecret)" .field) -}}
{{- end -}}
{{- if or $secrets.existingSecret (index $secrets .field) }}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ include "callscribe.secretName" .ctx }}
      key: {{ index $secrets.keys .field }}
      {{- if not .required }}
      optional: true
      {{- end }}
{{- end -}}
{{- end -}}

{{/*
Credentials as environment variables. sasl.jaas.config is assembled by the kubelet from the user name and password
($(VAR) expands variables defined before it), so the pod spec holds no secret and KEDA reads the same two keys.
*/}}
{{- define "callscribe.secretEnv" -}}
{{- $tls := .Values.kafka.tls -}}
{{- if include "callscribe.sasl" . -}}
{{- include "callscribe.secretEnvVar" (dict "ctx" . "name" "KAFKA_SASL_USERNAME" "field" "kafkaUsername" "required" true) -}}
{{- include "callscribe.secretEnvVar" (dict "ctx" . "name" "KAFKA_SASL_PASSWORD" "field" "kafkaPassword" "required" true) -}}
{{- $module := ternary "org.apache.kafka.common.security.plain.PlainLoginModule" "org.apache.kafka.common.security.scram.ScramLoginModule" (eq .Values.kafka.saslMechanism "PLAIN") }}
- name: CALLSCRIBE_SASL_JAAS_CONFIG
  value: {{ printf "%s required username=\"$(KAFKA_SASL_USERNAME)\" password=\"$(KAFKA_SASL_PASSWORD)\";" $module | quote }}
{{- end -}}
{{- if .Values.schemaRegistry.basicAuth -}}
{{- include "callscribe.secretEnvVar" (dict "ctx" . "name" "CALLSCRIBE_BASIC_AUTH_USER_INFO" "field" "registryUserInfo" "required" true) -}}
{{- end -}}
{{- if and $tls.secretName $tls.truststoreKey -}}
{{- include "callscribe.secretEnvVar" (dict "ctx" . "name" "CALLSCRIBE_SSL_TRUSTSTORE_PASSWORD" "field" "truststorePassword" "required" false) -}}
{{- if .Values.schemaRegistry.useKafkaTruststore -}}
{{- include "callscribe.secretEnvVar" (dict "ctx" . "name" "CALLSCRIBE_SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD" "field" "truststorePassword" "required" false) -}}
{{- end -}}
{{- end -}}
{{- if and $tls.secretName $tls.keystoreKey -}}
{{- include "callscribe.secretEnvVar" (dict "ctx" . "name" "CALLSCRIBE_SSL_KEYSTORE_PASSWORD" "field" "keystorePassword" "required" false) -}}
{{- end -}}
{{- end -}}

{{/*
A role container's environment: credentials, JVM options, the role's own settings (topics.create=false when the
topics job creates them, what the chart derives for the role, then <role>.config, which wins), then extraEnv.
Called with (dict "ctx" $ "role" "transcriber" "derived" (dict ...)).
*/}}
{{- define "callscribe.roleEnv" -}}
{{- $ctx := .ctx -}}
{{- $values := index $ctx.Values .role -}}
{{- include "callscribe.refuseSecrets" (dict "config" $values.config "where" (printf "%s.config" .role)) -}}
{{- $settings := dict -}}
{{- if $ctx.Values.topicsJob.enabled -}}
{{- $_ := set $settings "topics.create" "false" -}}
{{- end -}}
{{- range $key, $value := .derived -}}
{{- $_ := set $settings $key $value -}}
{{- end -}}
{{- range $key, $value := $values.config -}}
{{- $_ := set $settings $key $value -}}
{{- end -}}
{{- include "callscribe.secretEnv" $ctx -}}
{{- with $values.javaToolOptions | default $ctx.Values.javaToolOptions }}
- name: JAVA_TOOL_OPTIONS
  value: {{ . | quote }}
{{- end -}}
{{- range $key, $value := $settings }}
- name: {{ include "callscribe.envName" $key }}
  value: {{ include "callscribe.configValue" $value | quote }}
{{- end -}}
{{- with $ctx.Values.extraEnv }}
{{ toYaml . }}
{{- end -}}
{{- end -}}

{{/* Pod-level settings every workload shares. */}}
{{- define "callscribe.podCommon" -}}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.serviceAccountName }}
serviceAccountName: {{ . }}
{{- end }}
automountServiceAccountToken: false
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- end -}}

{{/*
Pod template metadata: labels, and a checksum of the configuration so a change rolls the pods. Credentials get no
checksum: a hash of a short password in the pod spec could be reversed by trying candidates.
*/}}
{{- define "callscribe.podMetadata" -}}
labels:
  {{- include "callscribe.selectorLabels" . | nindent 2 }}
  {{- with .ctx.Values.podLabels }}
  {{- toYaml . | nindent 2 }}
  {{- end }}
annotations:
  checksum/config: {{ include "callscribe.configData" .ctx | sha256sum }}
  {{- with .ctx.Values.podAnnotations }}
  {{- toYaml . | nindent 2 }}
  {{- end }}
{{- end -}}

{{/* Volumes every container mounts: /tmp (the root file system is read-only) and the TLS stores. */}}
{{- define "callscribe.commonVolumes" -}}
- name: tmp
  emptyDir:
    sizeLimit: 1Gi
{{- with .Values.kafka.tls.secretName }}
- name: tls
  secret:
    secretName: {{ . }}
{{- end }}
{{- end -}}

{{- define "callscribe.commonVolumeMounts" -}}
- name: tmp
  mountPath: /tmp
{{- if .Values.kafka.tls.secretName }}
- name: tls
  mountPath: {{ include "callscribe.tlsDir" . }}
  readOnly: true
{{- end }}
{{- end -}}

{{/* A role container's ports, envFrom and probes; (dict "ctx" $ "role" "segmenter"). */}}
{{- define "callscribe.roleContainerCommon" -}}
{{- $port := int (include "callscribe.metricsPort" .ctx) -}}
{{- $values := index .ctx.Values .role -}}
args: ["run", "--role", {{ .role | quote }}]
ports:
  - name: metrics
    containerPort: {{ $port }}
    protocol: TCP
envFrom:
  - configMapRef:
      name: {{ include "callscribe.fullname" .ctx }}-config
startupProbe:
  httpGet:
    path: /health
    port: {{ $port }}
  {{- toYaml $values.startupProbe | nindent 2 }}
livenessProbe:
  httpGet:
    path: /health
    port: {{ $port }}
  {{- toYaml $values.livenessProbe | nindent 2 }}
readinessProbe:
  httpGet:
    path: /ready
    port: {{ $port }}
  {{- toYaml $values.readinessProbe | nindent 2 }}
securityContext:
  {{- toYaml .ctx.Values.securityContext | nindent 2 }}
{{- end -}}
