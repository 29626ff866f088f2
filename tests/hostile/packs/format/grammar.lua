-- attack: an exponential date grammar, which the binder would run on every
-- report outside any limit.
-- expect: cannot change the format's grammars
grammars.date = [[ S <- 'a' S 'b' / 'a' S 'c' / '' ]]
