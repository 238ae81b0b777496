"""Hand-written solar postings for the demo corpus and the golden set: positives across every scoring tier
and hard negatives for every exclusion category. Labels are honest: a positive is a solar PV design /
drafting / design-engineering role, nothing else.

Each spec is (category, label, title, body); the generator combines a spec with a company, a location and
shared paragraphs, so several postings come from one spec without repeating text word for word.
"""

from __future__ import annotations

SOLAR_COMPANIES = [
    # (name, website, city) -- fictional companies; two carry names that hide blocklisted words
    ("Sunpeak Design Co", "sunpeakdesign.com", "Austin, TX"),
    ("Intelligent Solar Designs", "intelligentsolardesigns.com", "Phoenix, AZ"),
    ("Oklahoma PV Drafting", "okpvdrafting.com", "Tulsa, OK"),
    ("BrightGrid Energy", "brightgridenergy.com", "Denver, CO"),
    ("Helio Drafting Services", "heliodraft.com", "Sacramento, CA"),
    ("Ridgeline Solar", "ridgelinesolar.com", "Boise, ID"),
    ("Clearsky PV Engineering", "clearskypv.com", "Raleigh, NC"),
    ("Lumen Rooftop Power", "lumenrooftop.com", "San Diego, CA"),
    ("Prairie Sun Builders", "prairiesunbuilders.com", "Omaha, NE"),
    ("Coastal Photovoltaic Partners", "coastalpvpartners.com", "Charleston, SC"),
    ("Granite State Solar", "granitestatesolar.com", "Manchester, NH"),
    ("Desert Bloom Renewables", "desertbloomrenewables.com", "Las Vegas, NV"),
]

# Companies whose postings are never leads (vendors of design software, chip makers, staffing boards).
BLOCKED_COMPANIES = [
    ("Aurora Solar", "aurorasolar.com", "San Francisco, CA"),
    ("Intel", "intel.com", "Hillsboro, OR"),
    ("KLA", "kla.com", "Milpitas, CA"),
]

OTHER_COMPANIES = [
    ("Orbital Dynamics Corp", "orbitaldynamics.example", "Huntsville, AL"),
    ("Northwind Pharma Safety", "northwindpharma.example", "Cambridge, MA"),
    ("Baseline Racquet Club", "baselineracquet.example", "Naples, FL"),
    ("Metro Network Services", "metronetwork.example", "Chicago, IL"),
    ("Silicon Foundry Labs", "siliconfoundry.example", "Austin, TX"),
    ("Cascade Plumbing Design", "cascadeplumbing.example", "Portland, OR"),
    ("Stellar Planetarium", "stellarplanetarium.example", "Pittsburgh, PA"),
    ("Harmony Yoga Studio", "harmonyyoga.example", "Santa Fe, NM"),
]

SPECS: list[tuple[str, bool, str, str]] = [
    # ---- tier: solar design tools -------------------------------------------------------------------
    (
        "tier1_design_tools",
        True,
        "Design Associate",
        "You will model residential rooftops in Aurora Solar and HelioScope, place modules around fire setbacks, "
        "and run shade reports so every proposal our sales team sends is buildable.",
    ),
    (
        "tier1_design_tools",
        True,
        "Permit Design Specialist",
        "Build PV system designs in OpenSolar and PVsyst, check production estimates against utility bills, and "
        "hand finished layouts to the permitting team.",
    ),
    (
        "tier1_design_tools",
        True,
        "Project Designer - Residential",
        "Daily work in Aurora Solar: roof modelling from LIDAR, module placement, inverter selection and "
        "bill-of-materials for residential PV systems.",
    ),
    (
        "tier1_design_tools",
        True,
        "Design Technician (Remote)",
        "Produce layouts for commercial rooftops with HelioScope and PVcase, compare racking options and "
        "document the energy model for each customer.",
    ),
    # ---- tier: strong technical signals -------------------------------------------------------------
    (
        "permitting_staff",  # DESIGN.md: permitting staff are not leads, however solar their posting
        False,
        "Permit Package Technician",
        "Prepare permit plan sets for residential solar: site plans, single-line diagrams, stringing layouts and "
        "placards that meet NEC 690 and local AHJ requirements.",
    ),
    (
        "permitting_staff",  # DESIGN.md: permitting staff are not leads, however solar their posting
        False,
        "Plan Set Coordinator",
        "Own the plan set for each residential PV system: three-line diagrams, racking layouts, attachment "
        "spacing and voltage drop calculations, revised after AHJ comments.",
    ),
    (
        "permitting_staff",  # DESIGN.md: permitting staff are not leads, however solar their posting
        False,
        "Interconnection and Permitting Technician",
        "Draft single-line diagrams and interconnection application packages for residential and small "
        "commercial PV systems, and keep the stringing layout consistent with the inverter datasheets.",
    ),
    # ---- tier: CAD + solar project type ------------------------------------------------------------
    (
        "tier3_cad_solar_project",
        True,
        "CAD Technician",
        "Create AutoCAD drawings for commercial rooftop solar and carport PV projects, from site survey to "
        "construction set, working with our engineers of record.",
    ),
    (
        "tier3_cad_solar_project",
        True,
        "Drafting Technician II",
        "Produce AutoCAD and Civil 3D drawings for utility-scale solar farms: array layouts, trenching plans "
        "and equipment pads for ground-mount PV projects.",
    ),
    (
        "tier3_cad_solar_project",
        True,
        "Engineering Technician - Drawings",
        "Use AutoCAD to turn survey data into layouts for community solar and ground-mount PV projects; keep the "
        "drawing log and issue revisions.",
    ),
    # ---- tier: explicit solar design titles ---------------------------------------------------------
    (
        "tier4_solar_design_title",
        True,
        "Solar Designer",
        "Join our design team. You will hand plan sets to our installer crews and coordinate with the project "
        "manager and the sales representative on every job, so that each system is built as designed.",
    ),
    (
        "tier4_solar_design_title",
        True,
        "PV Design Engineer",
        "Lead the electrical design of commercial photovoltaic systems, review the work of junior designers and "
        "stamp-ready packages for our professional engineer.",
    ),
    (
        "tier4_solar_design_title",
        True,
        "Solar Drafter",
        "Draft residential system drawings from site-survey photos; you will work closely with the field "
        "technicians who measure roofs and the installation managers who schedule crews.",
    ),
    (
        "tier4_solar_design_title",
        True,
        "Junior PV Drafter",
        "Entry-level role drafting rooftop systems for homeowners. We teach our tools; bring attention to detail "
        "and curiosity about how solar energy systems come together.",
    ),
    (
        "tier4_solar_design_title",
        True,
        "Solar Design Engineer II",
        "Size inverters, strings and conductors for commercial and industrial rooftops and ground mounts; "
        "support construction with RFIs and as-built drawings.",
    ),
    (
        "tier4_solar_design_title",
        True,
        "Solar Permit Designer",
        "Design residential systems for permit and for the utility, respond to plan review comments, and keep "
        "our design standards current with code changes.",
    ),
    # ---- tier: CAD + design role --------------------------------------------------------------------
    (
        "tier5_cad_design_role",
        True,
        "Drafter",
        "Our solar engineering group needs a drafter fluent in AutoCAD to produce permit drawings for rooftop "
        "systems across twelve states.",
    ),
    (
        "tier5_cad_design_role",
        True,
        "Designer - Distributed Generation",
        "As a designer on the distributed solar team you will use AutoCAD and Revit daily to prepare system "
        "drawings for schools and warehouses.",
    ),
    (
        "tier5_cad_design_role",
        True,
        "CAD Designer",
        "We install solar energy systems for homes and businesses; our CAD designer turns site surveys into "
        "AutoCAD layouts for the crews.",
    ),
    # ---- tier: design titles ------------------------------------------------------------------------
    (
        "tier6_design_title",
        True,
        "Design Engineer",
        "Design engineer for a solar EPC: electrical design of PV arrays, equipment selection, and the drawing "
        "packages our construction teams build from.",
    ),
    (
        "tier6_design_title",
        True,
        "Draftsperson",
        "Draftsperson for our solar division: drawings for permits, revisions after plan review, and as-builts "
        "for completed photovoltaic installations.",
    ),
    # ---- written to be hard for the rules: unusual titles, design words outside PV design ----------------
    (
        "permitting_staff",  # DESIGN.md: permitting staff are not leads, however solar their posting
        False,
        "Permit Technician",
        "Turn site surveys into permit plan sets for residential PV systems and track AHJ approvals; AutoCAD "
        "experience is a plus.",
    ),
    (
        "tier5_cad_design_role",
        True,
        "Electrical Designer (Solar)",
        "Prepare electrical drawings in AutoCAD for commercial solar installations: conduit routing, combiner "
        "boxes and equipment schedules.",
    ),
    (
        "tier3_cad_solar_project",
        True,
        "AutoCAD Drafter - Renewable Energy",
        "Draft layouts for utility-scale solar and battery storage sites in AutoCAD; update drawings from engineer "
        "markups.",
    ),
    (
        "tier6_design_title",
        True,
        "Designer I, Residential Solar",
        "Create system layouts for homeowners' roofs and size the equipment; we train you on our in-house tool.",
    ),
    (
        "hard_negative",
        False,
        "Architectural Designer",
        "Model custom homes in Revit, including solar-ready roofs and energy code compliance, and prepare "
        "construction documents for builders.",
    ),
    (
        "below_threshold",
        False,
        "Solar Panel Cleaning Technician",
        "Clean and inspect solar panels on commercial rooftops; report damaged modules to the service team.",
    ),
    (
        "below_threshold",
        False,
        "Warehouse Associate - Solar Equipment",
        "Receive and stage modules, inverters and racking for installation crews; keep inventory counts.",
    ),
    # ---- hard negatives: not solar context ----------------------------------------------------------
    (
        "no_solar_context",
        False,
        "Network Monitoring Engineer",
        "Administer SolarWinds Orion and NPM, build dashboards and alerting for 4,000 network devices, and design "
        "monitoring templates for new sites.",
    ),
    (
        "no_solar_context",
        False,
        "Unix Systems Administrator",
        "Maintain Oracle Solaris 11 servers and zones, patch cycles, and ZFS storage; migrate workloads from "
        "Solaris to Linux.",
    ),
    (
        "no_solar_context",
        False,
        "Plumbing CAD Designer",
        "Design PVC and CPVC piping layouts in AutoCAD and Revit for multifamily buildings; coordinate with "
        "mechanical engineers.",
    ),
    (
        "no_solar_context",
        False,
        "PV Scientist (Pharmacovigilance)",
        "Pharmacovigilance (PV) scientist: assess individual case safety reports, author aggregate safety "
        "reports and support signal detection for marketed products.",
    ),
    (
        "no_solar_context",
        False,
        "Drug Safety Associate",
        "Process adverse event cases in our PV database, code events in MedDRA and meet regulatory timelines "
        "for expedited reporting.",
    ),
    (
        "no_solar_context",
        False,
        "Planetarium Educator",
        "Lead shows about the solar system, the planets and solar flares for school groups; design new dome "
        "presentations each season.",
    ),
    (
        "no_solar_context",
        False,
        "Yoga Instructor",
        "Teach vinyasa classes with attention to breath and the solar plexus; design sequences for all levels.",
    ),
    # ---- hard negatives: exclusion categories -------------------------------------------------------
    (
        "exclusions.tennis_stringing",
        False,
        "Racquet Stringer",
        "String tennis and badminton racquets to customer tension in our solar-powered pro shop, maintain "
        "stringing machines and advise players on string choice.",
    ),
    (
        "exclusions.tennis_stringing",
        False,
        "Pro Shop Stringing Technician",
        "Stringing technician for our tennis pro shop, under the club's new solar canopies: restring racquets, "
        "regrip handles and keep the stringing log for club members.",
    ),
    (
        "exclusions.aerospace",
        False,
        "Spacecraft Solar Array Design Engineer",
        "Design deployable solar arrays for satellites and spacecraft, analyze thermal cycling in orbit and "
        "support environmental testing of flight hardware.",
    ),
    (
        "exclusions.aerospace",
        False,
        "Satellite Power Systems Engineer",
        "Own the electrical power subsystem of our satellites: solar panels, batteries and power distribution "
        "for low Earth orbit missions.",
    ),
    (
        "exclusions.semiconductor",
        False,
        "Physical Design Engineer",
        "Place-and-route and timing closure for advanced-node ASICs using Cadence Innovus and Synopsys "
        "PrimeTime; some work on power management ICs for solar inverters.",
    ),
    (
        "exclusions.semiconductor",
        False,
        "Process Engineer - Solar Cell Fab",
        "Improve yield on our photovoltaic cell line: wafer texturing, diffusion and metallization; run "
        "semiconductor process experiments.",
    ),
    (
        "exclusions.field_roles",
        False,
        "Solar Installer",
        "Mount racking, set modules and follow the plan set on residential roofs. Valid driver's license and "
        "comfort working at heights required.",
    ),
    (
        "exclusions.field_roles",
        False,
        "PV Installation Technician",
        "Install photovoltaic systems: conduit runs, inverter mounting and wiring per the single-line diagram; "
        "travel to job sites daily.",
    ),
    (
        "exclusions.field_roles",
        False,
        "Solar Field Service Technician",
        "Troubleshoot and repair residential solar systems, replace inverters and optimizers, and document site "
        "visits in our service app.",
    ),
    (
        "exclusions.sales",
        False,
        "Solar Sales Representative",
        "Meet homeowners, present proposals built in Aurora Solar by our design team, and close residential "
        "solar sales.",
    ),
    (
        "exclusions.sales",
        False,
        "Solar Energy Consultant",
        "Consultative sales role: generate leads, run in-home appointments and explain solar savings; "
        "commission plus base.",
    ),
    (
        "exclusions.management",
        False,
        "Solar Project Manager",
        "Manage residential and commercial solar projects from contract to PTO: schedules, permits, "
        "subcontractors and customer updates.",
    ),
    (
        "exclusions.management",
        False,
        "Director of Solar Operations",
        "Lead installation, service and warehouse teams for our solar business; own budgets, KPIs and safety.",
    ),
    (
        "exclusions.other_engineering",
        False,
        "Software Engineer - Solar Monitoring Platform",
        "Build APIs and data pipelines for our solar monitoring product in Python and TypeScript.",
    ),
    (
        "exclusions.other_engineering",
        False,
        "Civil Engineer - Stormwater",
        "Stormwater and grading design for land development, including two utility-scale solar farms this year.",
    ),
    (
        "company_blocklist",
        False,
        "Solar Designer",
        "Help customers get the most from our design software: build example rooftop designs and train "
        "installers on the product.",
    ),
    (
        "company_blocklist",
        False,
        "Physical Design Engineer",
        "Place-and-route for next-generation processors; no solar work.",
    ),
    (
        "below_threshold",
        False,
        "Solar Customer Success Associate",
        "Answer homeowner questions about their solar system, schedule service visits and track warranty claims.",
    ),
    (
        "below_threshold",
        False,
        "Solar Marketing Coordinator",
        "Plan campaigns and trade shows for our solar products; coordinate with the design team on brochures.",
    ),
]

# Which companies each category's postings come from (by list); the rest use SOLAR_COMPANIES.
CATEGORY_COMPANIES = {
    "no_solar_context": OTHER_COMPANIES,
    "exclusions.tennis_stringing": [OTHER_COMPANIES[2]],
    "exclusions.aerospace": [OTHER_COMPANIES[0]],
    "exclusions.semiconductor": [OTHER_COMPANIES[4]],
    "company_blocklist": BLOCKED_COMPANIES,
}

INTROS = [
    "{company} designs and builds solar energy systems for homes and businesses across the region.",
    "{company} is a growing solar company based in {city}.",
    "At {company} we help property owners switch to clean, affordable solar power.",
    "{company} delivers turnkey photovoltaic projects, from first site visit to interconnection.",
]
GENERIC_INTROS = ["{company} is hiring in {city}.", "About {company}: a team of specialists based in {city}."]
CLOSINGS = [
    "We offer medical, dental and vision coverage, paid time off and a 401(k) match.",
    "Full-time, hybrid schedule; salary depends on experience.",
    "Competitive pay, training budget and a collaborative team.",
]
