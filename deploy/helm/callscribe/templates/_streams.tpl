{{/*
A Kafka Streams role (segmenter or stitcher) as a StatefulSet: each pod keeps its RocksDB state on its own
PersistentVolumeClaim under its stable name, so a restarted or rescheduled pod finds its state instead of restoring
it from the changelog topics. Called with (dict "ctx" $ "role" "segmenter").
*/}}
{{- define "callscribe.streamsStatefulSet" -}}
{{- $ctx := .ctx -}}
{{- $role := .role -}}
{{- $values := index $ctx.Values $role -}}
{{- $name := printf "%s-%s" (include "callscribe.fullname" $ctx) $role -}}
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: {{ $name }}
  labels:
    {{- include "callscribe.labels" (dict "ctx" $ctx "component" $role) | nindent 4 }}
spec:
  replicas: {{ $values.replicaCount }}
  serviceName: {{ $name }}
  # Instances share the work through the consumer group, not through their order: start and stop them together.
  podManagementPolicy: Parallel
  selector:
    matchLabels:
      {{- include "callscribe.selectorLabels" (dict "ctx" $ctx "component" $role) | nindent 6 }}
  persistentVolumeClaimRetentionPolicy:
    {{- toYaml $values.persistentVolumeClaimRetentionPolicy | nindent 4 }}
  template:
    metadata:
      {{- include "callscribe.podMetadata" (dict "ctx" $ctx "component" $role) | nindent 6 }}
    spec:
      {{- include "callscribe.podCommon" $ctx | trim | nindent 6 }}
      terminationGracePeriodSeconds: {{ $values.terminationGracePeriodSeconds }}
      containers:
        - name: {{ $role }}
          image: {{ include "callscribe.image" $ctx }}
          imagePullPolicy: {{ $ctx.Values.image.pullPolicy }}
          {{- include "callscribe.roleContainerCommon" (dict "ctx" $ctx "role" $role) | nindent 10 }}
          {{- $env := include "callscribe.roleEnv" (dict "ctx" $ctx "role" $role "derived" dict) }}
          {{- if $env }}
          env:
            {{- $env | trim | nindent 12 }}
          {{- end }}
          resources:
            {{- toYaml $values.resources | nindent 12 }}
          volumeMounts:
            {{- include "callscribe.commonVolumeMounts" $ctx | nindent 12 }}
            - name: state
              mountPath: {{ include "callscribe.stateDir" $ctx }}
      volumes:
        {{- include "callscribe.commonVolumes" $ctx | nindent 8 }}
      {{- with $values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.topologySpreadConstraints }}
      topologySpreadConstraints:
        {{- toYaml . | nindent 8 }}
      {{- end }}
  volumeClaimTemplates:
    - metadata:
        name: state
        labels:
          {{- include "callscribe.selectorLabels" (dict "ctx" $ctx "component" $role) | nindent 10 }}
      spec:
        accessModes:
          {{- toYaml $values.persistence.accessModes | nindent 10 }}
        {{- with $values.persistence.storageClassName }}
        storageClassName: {{ . }}
        {{- end }}
        resources:
          requests:
            storage: {{ $values.persistence.size }}
{{- end -}}
