# An underscore says a value is ignored: reading such a variable, or binding
# it twice in one match, gets a warning where it happens; never binding it
# again gets none.
defmodule Under do
  def read_back(_value), do: _value
  def twice({_same, _same}), do: :same
  def ignored(_unused, _), do: :ok
end

{_x, _x} = {1, 1}
_y = 2
IO.inspect(_y)
IO.inspect(Under.read_back(3))
IO.inspect(Under.twice({4, 4}))
IO.inspect(Under.ignored(5, 6))
