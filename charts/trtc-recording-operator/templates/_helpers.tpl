{{/* Chart name, possibly overridden. */}}
{{- define "trtc-recording-operator.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full name of the release's objects. */}}
{{- define "trtc-recording-operator.fullname" -}}
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

{{- define "trtc-recording-operator.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "trtc-recording-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "trtc-recording-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: controller-manager
{{- end }}

{{- define "trtc-recording-operator.labels" -}}
helm.sh/chart: {{ include "trtc-recording-operator.chart" . }}
{{ include "trtc-recording-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "trtc-recording-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "trtc-recording-operator.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "trtc-recording-operator.image" -}}
{{- $repository := .Values.image.repository }}
{{- if .Values.image.registry }}
{{- $repository = printf "%s/%s" .Values.image.registry .Values.image.repository }}
{{- end }}
{{- if .Values.image.digest }}
{{- printf "%s@%s" $repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" $repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/* "true" or "false": leader election as set, or on exactly when there is more than one replica. */}}
{{- define "trtc-recording-operator.leaderElection" -}}
{{- if kindIs "bool" .Values.leaderElection.enabled }}
{{- if and (not .Values.leaderElection.enabled) (gt (int .Values.replicaCount) 1) }}
{{- fail "leaderElection.enabled=false with replicaCount > 1 would run several active operators; turn leader election on or use one replica" }}
{{- end }}
{{- .Values.leaderElection.enabled }}
{{- else }}
{{- gt (int .Values.replicaCount) 1 }}
{{- end }}
{{- end }}

{{- define "trtc-recording-operator.leaderElectionNamespace" -}}
{{- default .Release.Namespace .Values.leaderElection.namespace }}
{{- end }}

{{/* Name of the Secret with the default credentials, empty when there are none. */}}
{{- define "trtc-recording-operator.credentialsSecret" -}}
{{- if .Values.credentials.existingSecret }}
{{- .Values.credentials.existingSecret }}
{{- else if or .Values.credentials.secretId .Values.credentials.secretKey }}
{{- printf "%s-credentials" (include "trtc-recording-operator.fullname" .) }}
{{- end }}
{{- end }}

{{/* The operator's rules, shared by the ClusterRole and the per-namespace Roles. */}}
{{- define "trtc-recording-operator.managerRules" -}}
- apiGroups:
  - trtc.tencentcloud.com
  resources:
  - cloudrecordings
  verbs:
  - get
  - list
  - watch
  - update
  - patch
  # CloudRecordingSchedules start and delete their children (only the ones they own).
  - create
  - delete
- apiGroups:
  - trtc.tencentcloud.com
  resources:
  - cloudrecordings/status
  verbs:
  - get
  - update
  - patch
- apiGroups:
  - trtc.tencentcloud.com
  resources:
  - cloudrecordings/finalizers
  verbs:
  - update
- apiGroups:
  - trtc.tencentcloud.com
  resources:
  - cloudrecordingschedules
  verbs:
  - get
  - list
  - watch
- apiGroups:
  - trtc.tencentcloud.com
  resources:
  - cloudrecordingschedules/status
  verbs:
  - get
  - update
  - patch
# Children carry an owner reference with blockOwnerDeletion, which needs update on the owner's finalizers.
- apiGroups:
  - trtc.tencentcloud.com
  resources:
  - cloudrecordingschedules/finalizers
  verbs:
  - update
- apiGroups:
  - ""
  resources:
  - secrets
  verbs:
  - get
  - list
  - watch
- apiGroups:
  - ""
  - events.k8s.io
  resources:
  - events
  verbs:
  - create
  - patch
{{- end }}
