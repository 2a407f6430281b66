# A linked process that raises: the logger report, then the caller dies with the same reason.
defmodule Boom do
  def run do
    spawn_link(fn ->
      Process.sleep(20)
      raise "linked failure"
    end)

    Process.sleep(1000)
    IO.puts("not reached")
  end
end

IO.puts("start")
Boom.run()
