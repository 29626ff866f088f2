-- Lists said with 分别为 (the applicants, the results) pair their kinds and
-- counts in order, one to one, or say nothing; a count that leaves some out (不含…) is not the table's; all of
-- one kind (均为法人或其他组织申请, 均予以公开) is as many as counted before; a
-- change said between counts (较上年减少2件) keeps the subject of the count.

local read = claims_read     -- (the claims read from s, as sorted "kind cells = value" lines)

local ORG = "t3.new.biz + t3.new.legal + t3.new.ngo + t3.new.other + t3.new.research"
local DENY = "t3.result.deny.enforce.total + t3.result.deny.internal.total + t3.result.deny.law.total + "
          .. "t3.result.deny.process.total + t3.result.deny.query.total + t3.result.deny.safety.total + "
          .. "t3.result.deny.secret.total + t3.result.deny.third.total"

test("自然人、法人或其他组织申请分别为71件、3件: each kind its count, in order", function()
  eq("is " .. ORG .. " = 3\nis t3.new.np = 71",
     read("自然人、法人或其他组织申请分别为71件、3件。", 2024))
  eq("is t3.new.biz = 53\nis t3.new.legal = 61\nis t3.new.np = 3001\nis t3.new.other = 4",
     read("自然人、商业企业、法律服务机构和其他组织提出的申请分别为3001件、53件、61件和4件。", 2024))
  -- so many kinds, so many counts, none named twice; else nothing
  eq("", read("自然人、法人或其他组织申请分别为71件、3件、2件。", 2024))
  eq("", read("自然人、自然人申请分别为71件、3件。", 2024))
  eq("", read("自然人、法人申请分别为71件、3件。", 2024))
end)

test("予以公开、部分公开、不予公开分别为…: the results in order, after those answered", function()
  eq("is " .. DENY .. " = 4\nis t3.result.partial.total = 10\nis t3.result.public.total = 40",
     read("予以公开、部分公开、不予公开分别为40件、10件、4件。", 2024))
  eq("", read("予以公开、部分公开分别为40件、10件、4件。", 2024))
  -- 办结的3050件中: the answered ones, and the results after them
  local got = read("办结的3050件中，予以公开、部分公开分别为1362件、454件。", 2024)
  eq("is t3.result.partial.total = 454\nis t3.result.public.total = 1362\nis t3.result.total.total = 3050", got)
end)

test("a row's words before a list (危及“三安全一稳定”的分别为2件、…) take no count of it", function()
  eq("is " .. DENY .. " = 178\nis t3.result.deny.law.total = 31\nis t3.result.deny.safety.total = 5\n"
     .. "is t3.result.deny.secret.total = 2",
     read("不予公开的178件中，属于国家秘密、其他法律行政法规禁止公开、危及“三安全一稳定”的分别为2件、31件、5件。", 2024))
end)

test("收到申请75件（不含重复申请10件）is not the table's count, which holds every request", function()
  eq("", read("收到申请75件（不含重复申请10件）。", 2024))
  eq("", read("全年收到政府信息公开申请75件(不包括重复申请10件)。", 2024))
  eq("", read("全年通过各渠道收到申请82件（含咨询类来电12件），其中政府信息公开申请70件。", 2021))
  -- (leaving out last year's carried ones: the new ones are all there)
  eq("is t3.carried.total = 2\nis t3.new.total = 75", read("全年收到政府信息公开申请75件（不含上年结转2件）。", 2024))
end)

test("均为法人或其他组织申请 and 均予以公开 are as many as counted before", function()
  eq("is " .. ORG .. " = 5\nis t3.new.total = 5", read("本年度收到政府信息公开申请5件，均为法人或其他组织申请。", 2024))
  eq("is t3.result.public.total = 6\nis t3.result.total.total = 6", read("全年办结六件，均予以公开。", 2024))
  eq("is t3.result.total.total = 6", read("全年办结六件，均予以公开或部分公开。", 2024))
  eq("is t3.new.total = 6", read("收到政府信息公开申请六件，均予以公开。", 2024))
end)

test("a change after a count (较上年减少2件) keeps its subject for the counts after it", function()
  eq("change t2.nrm.made = -2\nis t2.nrm.made = 8\nis t2.nrm.repealed = 26\nis t2.nrm.valid = 66",
     read("制发行政规范性文件8件，较上年减少2件，废止26件，现行有效66件。", 2024))
  eq("change t4.rv.total = -12\nis t4.rv.corrected = 64\nis t4.rv.total = 136\nis t4.rv.upheld = 72",
     read("全年发生政府信息公开行政复议案件136件，较上年减少12件，其中结果维持72件，纠正64件。", 2024))
  eq("", read("收到留言356条，较上年增加12条，办结356条。", 2024))
end)
