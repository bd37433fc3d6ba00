"""The demo world is true to Denmark where it names real places."""

import random

from portal import demo, entities


def test_every_demo_organisation_is_in_its_real_region():
    orgs = demo.organisations(random.Random(7))
    by_name = {o["name"]: o for o in orgs}
    assert all(o["region"] in entities.REGIONS for o in orgs)
    assert by_name["Hvidovre Hospital"]["region"] == "Capital Region"
    assert by_name["Rigshospitalet"]["region"] == "Capital Region"
    assert by_name["North Zealand Hospital"]["region"] == "Capital Region"
    assert by_name["Zealand University Hospital"]["region"] == "Region Zealand"
    assert by_name["Gødstrup Hospital"]["region"] == "Central Denmark Region"
    # The same whatever the seed: regions are stated, never drawn.
    again = {o["name"]: o["region"] for o in demo.organisations(random.Random(99))}
    assert again == {o["name"]: o["region"] for o in orgs}
