-- Argo CD health check for trtc.tencentcloud.com/CloudRecordingSchedule (Lua 5.1, no libraries beyond string/table).
-- Installed as argocd-cm key resource.customizations.health.trtc.tencentcloud.com_CloudRecordingSchedule (docs/gitops.md).
--   Suspended   spec.suspend is true: no slot starts
--   Degraded    a Stalled=True condition about the current generation (schedule, time zone or template unusable)
--   Progressing no status yet, or status.observedGeneration < metadata.generation
--   Healthy     otherwise: slots start as scheduled (each child recording has its own health)
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

local spec = obj.spec or {}
local metadata = obj.metadata or {}
local generation = metadata.generation
local status = obj.status

if spec.suspend == true then
  hs.status = "Suspended"
  hs.message = "spec.suspend is true: no recording starts until it is false"
  return hs
end

local stalled = findCondition(status, "Stalled")
if stalled ~= nil and stalled.status == "True" then
  if stalled.observedGeneration == nil or generation == nil or stalled.observedGeneration >= generation then
    hs.status = "Degraded"
    hs.message = (stalled.reason or "Stalled") .. ": " .. (stalled.message or "")
    return hs
  end
end

if status == nil or (status.observedGeneration == nil and status.nextScheduleTime == nil) then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to pick up the schedule"
  return hs
end

if generation ~= nil and (status.observedGeneration == nil or status.observedGeneration < generation) then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to act on generation " .. tostring(generation)
  return hs
end

hs.status = "Healthy"
local message = "Next recording at " .. (status.nextScheduleTime or "an unknown time")
if status.active ~= nil and #status.active > 0 then
  message = message .. "; recording now: " .. table.concat(status.active, ", ")
end
hs.message = message
return hs
