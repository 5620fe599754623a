import tempfile
from pathlib import Path

from kehila_desktop import api

api.set_language("en")
folder = Path(tempfile.mkdtemp())
with api.create(folder / "lod.kehila", name="Kehila Metiva", locality="Lod") as program:
    north = program.add_area("North", in_focus=True)
    head = program.add_person("Dana Levi", sector="authority", organisation="Municipality")
    resident = program.add_person("Amir Haddad", sector="resident", area=north, phone="052-1234567")

    steering = program.body_ids("steering")[0]
    program.set_chair(steering, head)  # Dana's membership: role chair
    program.add_membership(resident, steering, status="joined")

    try:
        program.add_membership(resident, steering)  # a second membership: refused
    except api.InvalidEdit as refusal:
        print("refused:", refusal)

    for m in program.memberships(steering):
        print(m["person"], m["role"], m["status"])
    for finding in program.findings():
        if finding["code"] == "composition.chair_proposed":
            print(finding["severity"], finding["message"])

    program.delete_person(resident)  # memberships go with the person
    print(len(program.memberships(steering)), "membership left")
    print("undone:", program.undo())  # and come back in one step
    print(len(program.memberships(steering)), "memberships")
