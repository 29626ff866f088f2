-- attack: reword a national message with a 1 MB text and a table where a
-- text belongs (a pack may reword, not break, a national message).
-- expect: rewords
name = "rewords"
messages = { ["gb2021.t3.balance"] = { zh = { "not", "a", "text" }, en = string.rep("e", 1048576) } }
error("rewords: loaded, then failed on purpose")
