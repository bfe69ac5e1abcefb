-- Argo CD health check for trtc.tencentcloud.com/CloudRecording (Lua 5.1, no libraries beyond string/table/math).
-- Installed as argocd-cm key resource.customizations.health.trtc.tencentcloud.com_CloudRecording (docs/gitops.md).
--   Degraded    phase Failed; or a Stalled=True condition that is about the current generation
--   Suspended   annotation trtc.tencentcloud.com/paused: "true", or Synced=False with reason ReconcilePaused
--   Progressing no status yet; status.observedGeneration < metadata.generation; phase Pending, Queued (waiting for a
--               task slot of its SdkAppId, with its place in line), Creating, Stopping, Restarting (the task
--               ended by fault and a new one starts after a back-off)
--   Healthy     phase Idle or Recording (the task is managed), Stopped (it ended normally),
--               Expired (the management window ended: normal for every long recording, nothing to fix)
local hs = {}

local function findCondition(status, conditionType)
  if status == nil or status.conditions == nil then
    return nil
  end
  for _, condition in ipairs(status.conditions) do
    if condition.type == conditionType then
      return condition
    end
  end
  return nil
end

local function describe(condition)
  local reason = condition.reason or ""
  local message = condition.message or ""
  if reason ~= "" and message ~= "" then
    return reason .. ": " .. message
  end
  if reason ~= "" then
    return reason
  end
  return message
end

local function withTask(message, status)
  if status.taskId ~= nil and status.taskId ~= "" then
    return message .. " (task " .. status.taskId .. ")"
  end
  return message
end

local function retryNote(status)
  local synced = findCondition(status, "Synced")
  if synced ~= nil and synced.status == "False" and synced.reason == "ReconcileError" then
    return "; the last reconcile failed and is retried: " .. describe(synced)
  end
  return ""
end

local metadata = obj.metadata or {}
local annotations = metadata.annotations or {}
local generation = metadata.generation
local status = obj.status

if status ~= nil and status.phase == "Failed" then
  hs.status = "Degraded"
  local cause = findCondition(status, "Stalled")
  if cause == nil or cause.status ~= "True" then
    cause = findCondition(status, "Ready")
  end
  if cause ~= nil and describe(cause) ~= "" then
    hs.message = withTask("The recording failed: " .. describe(cause), status)
  else
    hs.message = withTask("The recording failed", status)
  end
  return hs
end

if annotations["trtc.tencentcloud.com/paused"] == "true" then
  hs.status = "Suspended"
  hs.message = "Paused by the annotation trtc.tencentcloud.com/paused: the operator makes no TRTC calls for this recording"
  return hs
end

local synced = findCondition(status, "Synced")
if synced ~= nil and synced.status == "False" and synced.reason == "ReconcilePaused" then
  hs.status = "Suspended"
  if synced.message ~= nil and synced.message ~= "" then
    hs.message = synced.message
  else
    hs.message = "Reconciliation is paused"
  end
  return hs
end

local stalled = findCondition(status, "Stalled")
if stalled ~= nil and stalled.status == "True" then
  if stalled.observedGeneration == nil or generation == nil or stalled.observedGeneration >= generation then
    hs.status = "Degraded"
    hs.message = describe(stalled)
    return hs
  end
end

if status == nil or status.phase == nil or status.phase == "" then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to pick up the recording"
  return hs
end

if generation ~= nil and (status.observedGeneration == nil or status.observedGeneration < generation) then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to act on generation " .. tostring(generation)
  return hs
end

local phase = status.phase
if phase == "Pending" then
  hs.status = "Progressing"
  hs.message = "Waiting to create the recording task" .. retryNote(status)
elseif phase == "Queued" then
  hs.status = "Progressing"
  local ready = findCondition(status, "Ready")
  if ready ~= nil and ready.message ~= nil and ready.message ~= "" then
    hs.message = "Waiting for a task slot of the application: " .. ready.message
  else
    hs.message = "Waiting for a task slot of the application"
  end
elseif phase == "Creating" then
  hs.status = "Progressing"
  hs.message = "Creating the recording task" .. retryNote(status)
elseif phase == "Idle" then
  hs.status = "Healthy"
  hs.message = withTask("The recorder is in the room and waits for streams", status) .. retryNote(status)
elseif phase == "Recording" then
  hs.status = "Healthy"
  hs.message = withTask("Recording", status) .. retryNote(status)
elseif phase == "Restarting" then
  hs.status = "Progressing"
  local ready = findCondition(status, "Ready")
  if ready ~= nil and ready.message ~= nil and ready.message ~= "" then
    hs.message = "Restarting: " .. ready.message .. retryNote(status)
  else
    hs.message = withTask("Restarting the recording after its task ended by fault", status) .. retryNote(status)
  end
elseif phase == "Stopping" then
  hs.status = "Progressing"
  hs.message = withTask("Stopping the recording task", status) .. retryNote(status)
elseif phase == "Stopped" then
  hs.status = "Healthy"
  hs.message = withTask("The recording ended", status)
elseif phase == "Expired" then
  hs.status = "Healthy"
  local ended = "The management window ended"
  if status.expiresAt ~= nil and status.expiresAt ~= "" then
    ended = ended .. " at " .. status.expiresAt
  end
  hs.message = withTask(ended .. ": the operator no longer queries or stops the task, which records until the room is idle", status)
else
  hs.status = "Unknown"
  hs.message = "Unknown phase " .. tostring(phase)
end
return hs
