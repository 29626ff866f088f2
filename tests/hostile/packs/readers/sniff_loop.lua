-- attack: a sniff that loops (once called outside any limit).
-- expect: instruction budget exceeded
name = "sniffer"
extensions = { "nothing" }
function sniff(head) while true do end end
function Reader(text, opts) while true do end end
