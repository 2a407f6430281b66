# An unused alias or import is reported once the script has run to its end;
# a script that stops on an uncaught error never gets there, so nothing is
# said about them. The unused variable is reported before the script runs.
alias Shop.Cart
import Integer

defmodule Shop.Cart do
  defstruct items: []
end

unused = 1
IO.puts("before")
raise "stop"
