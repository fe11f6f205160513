/**
 * The reference list behind every number, stage definition and caption in src/domain.
 *
 * Keys are short and stable: staging, lesion, caption and procedure data cite them, and
 * the "About and sources" panel lists them. Citations follow the shared clinical reference
 * (../shared/reference/clinical.md), completed with the authors, titles, DOIs and PubMed IDs
 * that the issue-8 citation check saw on the publisher's or PubMed's own page; no identifier
 * is filled in from memory, so where none was seen, journal, year and volume:pages identify
 * the paper.
 *
 * Kinds:
 * - 'primary': a peer-reviewed paper (reviews included) or an official regulatory document.
 * - 'secondary': a web page that is neither (reference sites such as Radiopaedia, Medscape or
 *   Wheeless, clinic and insurer pages, patient animations, paper aggregators, AI-written
 *   summaries). Listed apart as further reading; in the disease data it never stands alone
 *   behind a stated fact (tests/unit/sources.test.ts).
 * - 'reference': the project's own fact sheet; it backs design choices ([Inf]), not facts.
 */

/** Date the clinical content (tables, captions, steps, sources) was last checked. */
export const CONTENT_LAST_REVIEWED = '2026-12-02'

export type SourceKind = 'primary' | 'secondary' | 'reference'

export interface Source {
  /** Authors, title or publisher, journal, year;volume:pages, as far as known. */
  readonly citation: string
  /** DOI, PubMed/PMC page or web address, when one was seen. */
  readonly link?: string
  /** See the kinds above: 'secondary' pages are further reading, never the only support of a fact. */
  readonly kind: SourceKind
}

const doi = (d: string): string => `https://doi.org/${d}`
const pmc = (id: string): string => `https://pmc.ncbi.nlm.nih.gov/articles/${id}/`
const pubmed = (id: string): string => `https://pubmed.ncbi.nlm.nih.gov/${id}/`

export const SOURCES = {
  // --- the shared clinical reference itself (design choices, [Inf]) -----------------
  'ref-crosswalk': {
    citation: 'Hip AVN Explorer clinical reference, §4.2: crosswalk of the stage systems to one 0–4 slider scale (design choice)',
    kind: 'reference',
  },
  'ref-animation': {
    citation: 'Hip AVN Explorer clinical reference, §4.3: suggested animation parameters and their notes (design choice anchored to sourced thresholds)',
    kind: 'reference',
  },
  'ref-failing': {
    citation: 'Hip AVN Explorer clinical reference, §3: "What to animate as failing" (design choice)',
    kind: 'reference',
  },
  'ref-geometry': {
    citation: 'Hip AVN Explorer clinical reference, §5: lesion geometry guidance (design choice)',
    kind: 'reference',
  },
  'ref-procedures': {
    citation: 'Hip AVN Explorer clinical reference, §6: procedure steps and sizes; where a size has no figure there, the planner states its design choice',
    kind: 'reference',
  },
  'ref-scope': {
    citation: 'Hip AVN Explorer clinical reference, §1: scope and disclaimer',
    kind: 'reference',
  },

  // --- staging systems ---------------------------------------------------------------
  yoon2020: {
    citation:
      'Yoon BH, Mont MA, Koo KH, Chen CH, Cheng EY, Cui Q, et al. The 2019 revised version of Association Research Circulation Osseous staging system of osteonecrosis of the femoral head. J Arthroplasty 2020;35(4):933-40',
    link: doi('10.1016/j.arth.2019.11.029'),
    kind: 'primary',
  },
  'ficat-radiopaedia': {
    citation: 'Radiopaedia: Ficat and Arlet classification of avascular necrosis of femoral head',
    link: 'https://radiopaedia.org/articles/ficat-and-arlet-classification-of-avascular-necrosis-of-femoral-head',
    kind: 'secondary',
  },
  ficat1985: {
    citation:
      'Ficat RP. Idiopathic bone necrosis of the femoral head: early diagnosis and treatment. J Bone Joint Surg Br 1985;67(1):3-9 (the modified Ficat–Arlet stages, radiographic and clinical)',
    kind: 'primary',
  },
  'epomedicine-ficat': {
    citation: 'Epomedicine: Ficat staging of AVN hip, mnemonic (IIA/IIB split)',
    link: 'https://epomedicine.com/medical-students/ficat-staging-avn-hip-mnemonic/',
    kind: 'secondary',
  },
  kerboul1974: {
    citation:
      "Kerboul M, Thomine J, Postel M, Merle d'Aubigné R. The conservative surgical treatment of idiopathic aseptic necrosis of the femoral head. J Bone Joint Surg Br 1974;56-B:291-6 (the Kerboul angle)",
    link: doi('10.1302/0301-620X.56B2.291'),
    kind: 'primary',
  },
  'orthopaedicsone-kerboul': {
    citation: 'OrthopaedicsOne: Osteonecrosis of the femoral head, Kerboul classification (small, medium and large combined necrotic angles)',
    link: 'https://www.orthopaedicsone.com/orthopaedicsone-articles-osteonecrosis-of-the-femoral-head-kerboul-classification/',
    kind: 'secondary',
  },
  steinberg1995: {
    citation:
      'Steinberg ME, Hayken GD, Steinberg DR. A quantitative system for staging avascular necrosis. J Bone Joint Surg Br 1995;77(1):34-41 (stages 0–VI with extent grades A–C; PMID 7822393)',
    link: pubmed('7822393'),
    kind: 'primary',
  },
  'steinberg-elearnrad': {
    citation: 'eLearnRad: Steinberg staging of avascular necrosis (the stages and extent grades of Steinberg 1995)',
    link: 'https://elearnrad.com/steinberg-staging-of-avascular-necrosis/',
    kind: 'secondary',
  },

  // --- imaging, symptoms, natural history ----------------------------------------------
  mitchell1987: {
    citation:
      'Mitchell DG, et al. Femoral head avascular necrosis: correlation of MR imaging, radiographic staging, radionuclide imaging, and clinical findings. Radiology 1987;162(3):709-15 (double-line sign in 45 of 56 lesions; PMID 3809484)',
    link: doi('10.1148/radiology.162.3.3809484'),
    kind: 'primary',
  },
  'seekhealthz-mri': {
    citation: 'SeekHealthz: MRI appearance of hip osteonecrosis',
    link: 'https://www.seekhealthz.com/health/mri-appearance-of-hip-osteonecrosis',
    kind: 'secondary',
  },
  vaananen2021: {
    citation: 'Väänänen M, et al. Acta Radiol Open 2021 (MRI predictors of progression to THA)',
    link: doi('10.1177/20584601211008379'),
    kind: 'primary',
  },
  iida2000: {
    citation: 'Iida S, et al. Correlation between bone marrow edema and collapse of the femoral head in steroid-induced osteonecrosis. AJR Am J Roentgenol 2000;174:735-43 (oedema appeared only after the onset of pain; 11/13 such hips progressed)',
    kind: 'primary',
  },
  huang2003: {
    citation:
      'Huang GS, et al. MR imaging of bone marrow edema and joint effusion in patients with osteonecrosis of the femoral head: relationship to pain. AJR Am J Roentgenol 2003;181(2):545-9 (oedema most frequent at Steinberg stage III, 72%; PMID 12876044)',
    link: doi('10.2214/ajr.181.2.1810545'),
    kind: 'primary',
  },
  koo1999: {
    citation:
      'Koo KH, et al. Bone marrow edema and associated pain in early stage osteonecrosis of the femoral head: prospective study with serial MR images. Radiology 1999;213(3):715-22 (oedema with pain, resolving together; PMID 10580944)',
    link: doi('10.1148/radiology.213.3.r99dc06715'),
    kind: 'primary',
  },
  vassalou2019: {
    citation:
      'Vassalou EE, Spanakis K, Tsifountoudis IP, Karantanas AH. MR imaging of the hip: an update on bone marrow edema. Semin Musculoskelet Radiol 2019;23:276-88 (telling osteonecrosis from transient bone-marrow oedema)',
    link: doi('10.1055/s-0039-1677872'),
    kind: 'primary',
  },
  nishii2002: {
    citation:
      'Nishii T, Sugano N, Ohzono K, Sakai T, Sato Y, Yoshikawa H. Significance of lesion size and location in the prediction of collapse of osteonecrosis of the femoral head: a new three-dimensional quantification using MRI. J Orthop Res 2002;20(1):130-6 (9 of 35 hips with lesions < 30% of the head collapsed; PMID 11853079)',
    link: doi('10.1016/S0736-0266(01)00063-8'),
    kind: 'primary',
  },
  shimizu1994: {
    citation:
      'Shimizu K, Moriya H, Akita T, Sakamoto M, Suguro T. Prediction of collapse with magnetic resonance imaging of avascular necrosis of the femoral head. J Bone Joint Surg Am 1994;76(2):215-23 (lesions over ¼ of the head and ⅔ of the weight-bearing area: 17/23 collapsed; PMID 8113255)',
    link: doi('10.2106/00004623-199402000-00007'),
    kind: 'primary',
  },
  karachalios2007: {
    citation:
      'Karachalios T, Karantanas AH, Malizos K. Hip osteoarthritis: what the radiologist wants to know. Eur J Radiol 2007;63(1):36-48 (joint-space narrowing, osteophytes, subchondral sclerosis, cysts; head migration; PMID 17555904)',
    link: doi('10.1016/j.ejrad.2007.03.022'),
    kind: 'primary',
  },
  zhang2018: {
    citation:
      'Zhang QY, Li ZR, Gao FQ, Sun W. Pericollapse stage of osteonecrosis of the femoral head: a last chance for joint preservation. Chin Med J (Engl) 2018;131(21):2589-98 (doi:10.4103/0366-6999.244111; PMID 30381593)',
    link: pmc('PMC6213842'),
    kind: 'primary',
  },
  'wheeless-stage4': {
    citation: "Wheeless' Textbook of Orthopaedics: AVN of the hip, stage IV",
    link: 'https://new.wheelessonline.com/joints/hip/stage-iv/',
    kind: 'secondary',
  },
  meloni2016: {
    citation: 'Meloni MC, et al. Joints 2016;4:24 (cartilage and bone in femoral heads with failed grafts)',
    link: pmc('PMC4914370'),
    kind: 'primary',
  },
  'rpor2014-densities': {
    citation:
      'Voxel-phantom tissue table, Rep Pract Oncol Radiother 2014;19(6):392-8, Table 1: density of adult mineral bone 1.920, muscle 1.050, adipose tissue 0.950, water 0.998 g/cm³ (compositions after White DR et al. Br J Radiol 1987;60:907-13)',
    link: doi('10.1016/j.rpor.2014.03.004'),
    kind: 'primary',
  },
  lequesne2004: {
    citation: 'Lequesne M, et al. Ann Rheum Dis 2004;63:1145 (normal radiographic hip joint-space width, 446 hips)',
    kind: 'primary',
  },
  'medscape-clinical': {
    citation: 'Medscape: Avascular necrosis of the femoral head, clinical presentation',
    link: 'https://emedicine.medscape.com/article/1247804-clinical',
    kind: 'secondary',
  },
  gupta2013: {
    citation: 'Gupta AK, et al. Arthrosc Tech 2013;3:e7 (core decompression; ONFH mechanism)',
    link: pmc('PMC3986482'),
    kind: 'primary',
  },
  hamada2018: {
    citation:
      'Hamada H, Takao M, Sakai T, Sugano N. Subchondral fracture begins from the bone resorption area in osteonecrosis of the femoral head: a micro-computerised tomography study. Int Orthop 2018;42(7):1479-84 (40 heads; first cracks between resorption areas in the anterosuperior head)',
    link: doi('10.1007/s00264-018-3879-x'),
    kind: 'primary',
  },
  mont2010: {
    citation:
      'Mont MA, Zywiel MG, Marker DR, McGrath MS, Delanois RE. The natural history of untreated asymptomatic osteonecrosis of the femoral head: a systematic literature review. J Bone Joint Surg Am 2010;92(12):2165-70 (664 hips; PMID 20844158)',
    link: doi('10.2106/JBJS.I.00575'),
    kind: 'primary',
  },
  min2008: {
    citation:
      'Min BW, Song KS, Cho CH, Lee SM, Lee KJ. Untreated asymptomatic hips in patients with osteonecrosis of the femoral head. Clin Orthop Relat Res 2008;466(5):1087-92 (81 hips; doi:10.1007/s11999-008-0191-x; PMID 18327630)',
    link: pmc('PMC2311457'),
    kind: 'primary',
  },
  aetna0753: {
    citation: 'Aetna Clinical Policy Bulletin 0753: Osteonecrosis treatments',
    link: 'http://es.aetna.com/cpb/medical/data/700_799/0753.html',
    kind: 'secondary',
  },

  // --- blood supply and mechanism ------------------------------------------------------------
  hamilton2009: {
    citation:
      'Hamilton TW, Goodman SM, Figgie M. SAS weekly rounds: avascular necrosis. HSS J 2009;5(2):99-113 (review: ≈90% of atraumatic cases attributed to corticosteroids or alcohol; doi:10.1007/s11420-009-9107-x)',
    link: pmc('PMC2744745'),
    kind: 'primary',
  },
  merle1965: {
    citation:
      "Merle d'Aubigné R, Postel M, Mazabraud A, et al. Idiopathic necrosis of the femoral head in adults. J Bone Joint Surg Br 1965;47-B:612-33 (both hips affected in 52%)",
    kind: 'primary',
  },
  cui2021: {
    citation:
      'Cui Q, Jo WL, Koo KH, et al. ARCO consensus on the pathogenesis of non-traumatic osteonecrosis of the femoral head. J Korean Med Sci 2021;36(10):e65',
    link: pmc('PMC7961868'),
    kind: 'primary',
  },
  hines2021: {
    citation:
      'Hines JT, Jo WL, Cui Q, Mont MA, Koo KH, et al. Osteonecrosis of the femoral head: an updated review of ARCO on pathogenesis, staging and treatment. J Korean Med Sci 2021;36(24):e177 (PMID 34155839)',
    link: doi('10.3346/jkms.2021.36.e177'),
    kind: 'primary',
  },
  dewar2016: {
    citation:
      'Dewar DC, et al. The relative contribution of the medial and lateral femoral circumflex arteries to the vascularity of the head and neck of the femur: a quantitative MRI-based assessment. Bone Joint J 2016;98-B(12):1582-8 (MFCA ≈82% vs LFCA ≈18% of the head)',
    link: pubmed('27909118'),
    kind: 'primary',
  },
  anderson2005: {
    citation:
      'Anderson AE, Peters CL, Tuttle BD, Weiss JA. Subject-specific finite element model of the pelvis: development, validation and sensitivity studies. J Biomech Eng 2005;127(3):364-73 (a cortical shell of location-dependent thickness over trabecular bone, measured from CT)',
    link: pubmed('16060343'),
    kind: 'primary',
  },
  gautier2000: {
    citation:
      'Gautier E, Ganz K, Krügel N, Gill T, Ganz R. Anatomy of the medial femoral circumflex artery and its surgical implications. J Bone Joint Surg Br 2000;82(5):679-83 (course of the deep branch of the MFCA, 24 cadaver hips)',
    kind: 'primary',
  },
  zlotorowicz2017: {
    citation: 'Złotorowicz M, Czubak J. Blood supply to the femoral head. Postępy Nauk Medycznych 2017',
    link: 'https://czytelniamedyczna.pl/6027,blood-supply-to-the-femoral-head.html',
    kind: 'primary',
  },
  zlotorowicz2018: {
    citation: 'Złotorowicz M, et al. Surg Radiol Anat 2018;40:515-20 (origin of the MFCA and LFCA, 100 CT angiograms)',
    kind: 'primary',
  },
  boraiah2009: {
    citation: 'Boraiah S, et al. J Bone Joint Surg Br 2009;91:131-7 (inferior retinacular artery territory)',
    kind: 'primary',
  },
  ligteres1971: {
    citation:
      'Wertheimer LG, Lopes SL. Arterial supply of the femoral head: a combined angiographic and histological study. J Bone Joint Surg Am 1971;53(3):545-56 (81 heads; the ligamental arteries filled in about a third)',
    link: doi('10.2106/00004623-197153030-00011'),
    kind: 'primary',
  },

  // --- lesion size and location -----------------------------------------------------------
  sugano2002: {
    citation:
      'Sugano N, et al. The 2001 revised criteria for diagnosis, classification, and staging of idiopathic osteonecrosis of the femoral head. J Orthop Sci 2002;7(5):601-5 (JIC types A, B, C1, C2; PMID 12355139)',
    link: doi('10.1007/s007760200108'),
    kind: 'primary',
  },
  kuroda2019: {
    citation:
      'Kuroda Y, Tanaka T, Miyagawa T, Kawai T, Goto K, Tanaka S, Matsuda S, Akiyama H. Classification of osteonecrosis of the femoral head: who should have surgery? Bone Joint Res 2019;8(10):451-8 (collapse by JIC type, 505 hips; PMID 31728183)',
    link: doi('10.1302/2046-3758.810.BJR-2019-0022.R1'),
    kind: 'primary',
  },
  ha2006: {
    citation:
      'Ha YC, Jung WH, Kim JR, Seong NH, Kim SY, Koo KH. Prediction of collapse in femoral head osteonecrosis: a modified Kerboul method with use of magnetic resonance images. J Bone Joint Surg Am 2006;88 Suppl 3:35-40 (PMID 17079365)',
    link: doi('10.2106/JBJS.F.00535'),
    kind: 'primary',
  },
  josr2024map: {
    citation: 'J Orthop Surg Res 2024: 3D-CT map of lesion location in 150 early ONFH hips',
    link: doi('10.1186/s13018-024-05058-3'),
    kind: 'primary',
  },
  josr2020sphere: {
    citation: 'J Orthop Surg Res 2020: "equivalent sphere" MRI study of lesion location',
    link: doi('10.1186/s13018-020-01786-4'),
    kind: 'primary',
  },
  osawa2021: {
    citation: 'Osawa Y, et al. Bone Joint J 2021;103-B:665 (curved intertrochanteric varus osteotomy ± bone impaction grafting)',
    link: pmc('PMC8090999'),
    kind: 'primary',
  },
  'musculoskeletalkey-cd': {
    citation: 'Musculoskeletal Key: Core decompression for osteonecrosis of the femoral head, percutaneous technique',
    link: 'https://musculoskeletalkey.com/core-decompression-for-osteonecrosis-of-the-femoral-head-percutaneous-technique',
    kind: 'secondary',
  },
  waewsawangwong2016: {
    citation: 'Waewsawangwong W, et al. Orthop Res Rev 2016;8:13 (options for ONFH, including resurfacing)',
    link: pmc('PMC6209358'),
    kind: 'primary',
  },
  amstutz2017: {
    citation: 'Amstutz HC, Le Duff MJ. J Hip Surg 2017;1:38 (hip resurfacing for ONFH, 101 hips, 15 years)',
    kind: 'primary',
  },

  // --- procedures: core decompression and BMAC (§6.1) -------------------------------------
  synapsesocial: {
    citation: 'Synapse Social paper record (arthroscopic-assisted core decompression: indications, technique, 2-year survival)',
    link: 'https://synapsesocial.com/de/papers/698c1cb3267fb587c655f5db',
    kind: 'secondary',
  },
  'orthogate-cd': {
    citation: 'Orthogate: Core decompression for non-traumatic osteonecrosis of the femoral head',
    link: 'https://www.orthogate.org/articles/hip-and-knee/core-decompression-for-non-traumatic-osteonecrosis-of-the-femoral-head',
    kind: 'secondary',
  },
  mont2004: {
    citation:
      'Mont MA, et al. Clin Orthop Relat Res 2004;(429):131-8 (multiple small-diameter drillings; an 8–10 mm trephine is typical for a single core; doi:10.1097/01.blo.0000150128.57777.8e; PMID 15577477)',
    link: pubmed('15577477'),
    kind: 'primary',
  },
  'wkhs-cd': {
    citation: 'WKHS health library: Core decompression for avascular necrosis of the hip',
    link: 'https://wkhs.com/health-resources/wk-health-library/medical-procedures-tests-care-and-management/a-z/core-decompression-for-avascular-necrosis-of-the-hip',
    kind: 'secondary',
  },
  'teachme-subtroch': {
    citation: 'TeachMe Orthopedics: Subtrochanteric fractures (extent of the subtrochanteric region)',
    link: 'https://teachmeorthopedics.info/subtrochanteric-fractures/',
    kind: 'secondary',
  },
  'orthopedia-cd': {
    citation: 'Orthopedia: core decompression animation',
    link: 'https://patient.orthopedia.com/student/activity/2054773',
    kind: 'secondary',
  },
  'utah-bmac': {
    citation: 'Utah Hip and Knee: Core decompression (bone-marrow aspirate concentrate)',
    link: 'https://utahhipandknee.com/procedures/hip-procedures/core-decompression',
    kind: 'secondary',
  },
  hernigou2018: {
    citation: 'Hernigou P, et al. Int Orthop 2018 (cell therapy vs core decompression alone, bilateral stage I–II, ≈25 years)',
    link: doi('10.1007/s00264-018-3941-8'),
    kind: 'primary',
  },
  mont1996: {
    citation:
      'Mont M, Carbone J, Fairbank A. Core decompression versus nonoperative management for osteonecrosis of the hip. Clin Orthop Relat Res 1996;(324):169-78 (meta-analysis, 2,025 hips; doi:10.1097/00003086-199603000-00020)',
    link: pubmed('8595753'),
    kind: 'primary',
  },
  'castro-barrack2000': {
    citation:
      'Castro FP Jr, Barrack RL. Core decompression and conservative treatment for avascular necrosis of the femoral head: a meta-analysis. Am J Orthop 2000;29(3):187-94 (results by Steinberg stage; abstract: CRD/DARE record 12000003659)',
    link: 'http://www.crd.york.ac.uk/CRDWeb/ShowRecord.asp?AccessionNumber=12000003659',
    kind: 'primary',
  },
  yoo2008: {
    citation:
      'Yoo MC, Kim KI, Hahn CS, Parvizi J. Long-term followup of vascularized fibular grafting for femoral head necrosis. Clin Orthop Relat Res 2008;466(5):1133-40 (124 hips ≥ 10 years; 10.5% converted to THA; PMID 18330663)',
    link: pmc('PMC2311477'),
    kind: 'primary',
  },
  korompilias2009: {
    citation:
      'Korompilias AV, et al. Vascularised fibular graft in the management of femoral head osteonecrosis: twenty years later. J Bone Joint Surg Br 2009;91(3):287-93 (principle: decompression, removal of the necrotic segment, support of the subchondral plate, living bone; PMID 19258601)',
    link: pubmed('19258601'),
    kind: 'primary',
  },
  aldridge2004: {
    citation:
      'Aldridge JM 3rd, et al. Free vascularized fibular grafting for the treatment of postcollapse osteonecrosis of the femoral head: surgical technique. J Bone Joint Surg Am 2004;86-A Suppl 1:87-101 (the reference technique of §6.3; its dimensions are [V] in the clinical reference)',
    kind: 'primary',
  },
  gaskill2009: {
    citation:
      'Gaskill TR, et al. Complications of free vascularized fibular grafting for osteonecrosis of the femoral head: 1,270 grafts in 946 patients. J Bone Joint Surg Am 2009;91(8):1861-7 (complications 16.9%: donor site 11.5%, hip 5.4%; major 4.3%)',
    kind: 'primary',
  },
  bmc2007fvfg: {
    citation:
      'Free vascularised fibular grafting for osteonecrosis of the femoral head, 71 hips. BMC Musculoskelet Disord 2007;8:78 (7-year survival 83%; 72% when the head had collapsed before surgery)',
    link: doi('10.1186/1471-2474-8-78'),
    kind: 'primary',
  },
  bmc2021drilling: {
    citation: 'BMC Musculoskelet Disord 2021 (multiple drilling vs natural course, matched series)',
    link: doi('10.1186/s12891-021-04418-y'),
    kind: 'primary',
  },

  // --- procedures: bone grafting (§6.2) -----------------------------------------------------
  sun2014: {
    citation: 'Sun W, Li Z, et al. PLoS One 2014 (light-bulb bone grafting through a head–neck window)',
    kind: 'primary',
  },
  pmc4902236: {
    citation: 'PMC4902236 (light-bulb bone grafting, 158 hips: failure by ARCO stage, CJFH pillar type and age)',
    link: pmc('PMC4902236'),
    kind: 'primary',
  },
  wu2019: {
    citation: 'Wu CT, et al. Int Orthop 2019;43:579 (Phemister grafting, 14-year follow-up)',
    link: doi('10.1007/s00264-018-4013-9'),
    kind: 'primary',
  },
  wang2009: {
    citation: 'Wang YS, et al. Orthop Surg 2009 (double-strut grafting, 206 hips)',
    link: pmc('PMC6734625'),
    kind: 'primary',
  },
  pmc2311481: {
    citation: 'PMC2311481 (trapdoor / head–neck window grafting with OP-1)',
    link: pmc('PMC2311481'),
    kind: 'primary',
  },

  // --- procedures: total hip arthroplasty (§6.5) ---------------------------------------------
  'orthopedia-tha': {
    citation: 'Orthopedia: Hip arthritis, total hip replacement animation',
    link: 'https://patient.orthopedia.com/student/page/2205475-hip-arthritis-total-hip-replacement-animation',
    kind: 'secondary',
  },
  efort2018: {
    citation: 'EFORT Open Rev 2018;3:225 (bearing surfaces and femoral head size in THA)',
    link: pmc('PMC5994615'),
    kind: 'primary',
  },
  jbjs2012head: {
    citation: 'J Bone Joint Surg Am 2012;94:1095 (RCT, 36 vs 28 mm heads: dislocation at 1 year)',
    link: pubmed('22717828'),
    kind: 'primary',
  },
  abdel2016: {
    citation: 'Abdel MP, et al. Clin Orthop Relat Res 2016 (dislocations and the Lewinnek safe zone)',
    kind: 'primary',
  },
  seagrave2017: {
    citation: 'Seagrave KG, et al. Acta Orthop 2017 (acetabular cup position and risk of dislocation)',
    link: pmc('PMC5251254'),
    kind: 'primary',
  },
  meermans2022: {
    citation: 'Meermans G, et al. EFORT Open Rev 2022 (cup positioning; transverse acetabular ligament as landmark)',
    link: pmc('PMC9257731'),
    kind: 'primary',
  },
  meermans2016: {
    citation: 'Meermans G, et al. Restoration of the centre of rotation in primary total hip arthroplasty: the influence of acetabular floor depth and reaming technique. Bone Joint J 2016;98-B:1597-603',
    link: doi('10.1302/0301-620X.98B12.BJJ-2016-0345.R1'),
    kind: 'primary',
  },
  shao2018: {
    citation: 'Shao P, et al. Impact of acetabular reaming depth on reconstruction of rotation center in primary total hip arthroplasty. BMC Musculoskelet Disord 2018;19:425 (200 hips, all osteonecrosis)',
    link: pmc('PMC6267806'),
    kind: 'primary',
  },
  'wheeless-floor': {
    citation: "Wheeless' Textbook of Orthopaedics: THR, re-establishment of the true acetabular floor",
    link: 'http://www.wheelessonline.com/ortho/thr_re_establishment_of_the_true_acetabular_floor',
    kind: 'secondary',
  },
  jcot2022: {
    citation: 'J Clin Orthop Trauma 2022;34:102042 (direct anterior THA in AVN vs OA)',
    kind: 'primary',
  },
  hammadmalik: {
    citation: 'Hammad Malik: Hip resurfacing (surgeon information page)',
    link: 'http://hammadmalik.co.uk/HipResurfacing.php',
    kind: 'secondary',
  },

  // --- procedures: hip resurfacing (§6.6) ----------------------------------------------------
  'hutaif-1723': {
    citation: 'Hutaif Orthopedic: hip resurfacing (components, indications)',
    link: 'https://hutaif-orthopedic.com/1723-en',
    kind: 'secondary',
  },
  'hutaif-2041': {
    citation: 'Hutaif Orthopedic: Birmingham hip resurfacing components',
    link: 'https://hutaif-orthopedic.com/2041-en',
    kind: 'secondary',
  },
  patel2014: {
    citation: 'Patel NK, et al. 2014 (hip resurfacing series: component sizes)',
    link: pmc('PMC5137647'),
    kind: 'primary',
  },
  'medscape-hra': {
    citation: 'Medscape: Hip resurfacing, technique',
    link: 'https://emedicine.medscape.com/article/1358168-technique',
    kind: 'secondary',
  },
  pmc2269024: {
    citation: 'PMC2269024 (hip resurfacing approaches that spare the MFCA)',
    link: pmc('PMC2269024'),
    kind: 'primary',
  },
  mclawhorn: {
    citation:
      'McLawhorn AS, et al. Preoperative templating and its intraoperative applications (hip), web copy on an MDedge cache',
    link: 'https://mdedge-cache.qa01.mdedge.com/surgery/article/71398/rheumatology/preoperative-templating-and-its-intraoperative-applications-hip',
    kind: 'secondary',
  },
  tai2014: {
    citation: 'Tai CL, et al. BMC Musculoskelet Disord 2014;15:262 (finite-element model: lesion size and stress shielding under a resurfacing)',
    kind: 'primary',
  },
  'fda-mom': {
    citation:
      'US Food and Drug Administration. Metal-on-metal hip implants: information for orthopaedic surgeons (do not implant in patients currently on high-dose corticosteroids, among others)',
    link: 'https://www.fda.gov/MedicalDevices/ProductsandMedicalProcedures/ImplantsandProsthetics/MetalonMetalHipImplants/ucm241667.htm',
    kind: 'primary',
  },
  kim2020hra: {
    citation:
      'Hip resurfacing arthroplasty for osteonecrosis of the femoral head: 202 hips by one surgeon, mean 10.6 years; a large combined necrotic angle was the only independent risk factor for femoral failure (PMID 32071874)',
    link: pubmed('32071874'),
    kind: 'primary',
  },
  'springer-mom': {
    citation: 'Springer chapter 978-3-030-24243-5_4 (metal-on-metal bearings: adverse local tissue reactions, ion release)',
    link: 'https://rd.springer.com/chapter/10.1007/978-3-030-24243-5_4',
    kind: 'primary',
  },
  pmc2807001: {
    citation: 'PMC2807001 (hip resurfacing by experienced surgeons, 650 cases: complications and learning curve)',
    link: pmc('PMC2807001'),
    kind: 'primary',
  },
} as const satisfies Record<string, Source>

export type SourceKey = keyof typeof SOURCES

export function isSourceKey(value: string): value is SourceKey {
  return Object.hasOwn(SOURCES, value)
}

export type SourceEntry = readonly [SourceKey, Source]

const entries = (): SourceEntry[] => Object.entries(SOURCES) as [SourceKey, Source][]

/** The references proper: peer-reviewed papers and official documents, in list order. */
export function primarySources(): SourceEntry[] {
  return entries().filter(([, s]) => s.kind === 'primary')
}

/**
 * Further reading: the secondary web pages (reference sites, clinic, insurer and vendor pages,
 * aggregators, AI-written summaries). Listed apart from the references because they are not
 * peer-reviewed; in the disease data none is the only support of a stated fact.
 */
export function furtherReading(): SourceEntry[] {
  return entries().filter(([, s]) => s.kind === 'secondary')
}
