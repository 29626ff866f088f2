-- attack: a 12 MB message (once the writer then failed and the batch
-- aborted).
-- expect: big message
id = "attack.big_message"
severity = "error"
message = { zh = "{big}" }
function check(report, emit)
  emit { vars = { big = "big message " .. string.rep("长", 4 * 1048576) } }
  error("big message emitted")
end
